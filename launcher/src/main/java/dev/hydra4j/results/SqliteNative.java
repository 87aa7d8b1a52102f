package dev.hydra4j.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Keeps SQLite's native library in a per-user cache so that each {@code hydra4j runs} does not
 * unpack it anew. sqlite-jdbc otherwise copies the library (about 1 MB) to the temp directory and
 * loads it on every start, which costs about 0.2 s of the 1 s that listing 10,000 jobs may take.
 * When anything here fails, sqlite-jdbc's own unpacking runs as usual.
 */
final class SqliteNative {

  private static volatile boolean prepared;

  private SqliteNative() {}

  /** Points sqlite-jdbc at a cached copy of its library, making the copy when needed. */
  static void prepare() {
    if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    prepared = true;
    try {
      String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
      String name = System.mapLibraryName("sqlitejdbc");
      if (name.endsWith(".jnilib")) {
        name = name.replace(".jnilib", ".dylib");
      }
      String resource = "/org/sqlite/native/" + folder + "/" + name;
      Path dir = cacheDir().resolve("sqlite-" + version()).resolve(folder);
      Path lib = dir.resolve(name);
      if (!Files.isRegularFile(lib)) {
        try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
          if (in == null) {
            return;
          }
          Files.createDirectories(dir);
          Path temp = Files.createTempFile(dir, "." + name, ".tmp");
          try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, lib, StandardCopyOption.ATOMIC_MOVE);
          } finally {
            Files.deleteIfExists(temp);
          }
        }
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException | LinkageError e) {
      // sqlite-jdbc unpacks the library itself
    }
  }

  private static Path cacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "hydra4j");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "hydra4j");
  }

  private static String version() throws IOException {
    try (InputStream in =
        SqliteNative.class.getResourceAsStream(
            "/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties")) {
      if (in == null) {
        throw new IOException("sqlite-jdbc's version is unknown");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    }
  }
}
