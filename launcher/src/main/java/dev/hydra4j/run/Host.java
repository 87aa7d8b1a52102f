package dev.hydra4j.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name of this machine, as {@code hostname} prints it. */
public final class Host {

  private static volatile String name;

  private Host() {}

  /**
   * The short host name. Read from the kernel rather than through {@link
   * InetAddress#getLocalHost()}, which may wait seconds for DNS in a container.
   */
  public static String name() {
    String n = name;
    if (n == null) {
      n = lookUp();
      name = n;
    }
    return n;
  }

  private static String lookUp() {
    for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
      try {
        String text = Files.readString(Path.of(file)).strip();
        if (!text.isEmpty()) {
          return text;
        }
      } catch (IOException | SecurityException e) {
        // not Linux, or hidden: try the next source
      }
    }
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
