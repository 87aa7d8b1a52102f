package dev.hydra4j.compose;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** hydra4j's version, from the build. */
public final class Version {

  public static final String VALUE = read();

  private Version() {}

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("/hydra4j-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
