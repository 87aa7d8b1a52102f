package dev.hydra4j.run;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creating the output directory of a run or a sweep. */
public final class RunDirectory {

  private RunDirectory() {}

  /** {@code dir} as a user names it: relative to the working directory when below it. */
  public static String display(Path dir) {
    Path cwd = Path.of("").toAbsolutePath();
    return dir.startsWith(cwd) ? cwd.relativize(dir).toString() : dir.toString();
  }

  /** {@link #createExclusive(Path, String)} without naming a setting in errors. */
  public static Path createExclusive(Path wanted) {
    return createExclusive(wanted, null);
  }

  /**
   * Creates {@code wanted}, or {@code wanted_1}, {@code wanted_2}, … when it already exists, and
   * returns the directory created. The creation itself is the claim ({@code mkdir} fails if the
   * name is taken), so two sweeps started in the same second — even in two processes — never share
   * a directory. Hydra would reuse the directory; we never mix two sweeps' jobs. Missing parents
   * are created.
   *
   * @param setting the setting the path came from, e.g. {@code hydra.sweep.dir}, named in the hint
   *     when the directory cannot be created
   * @throws ConfigException when the directory cannot be created
   */
  public static Path createExclusive(Path wanted, String setting) {
    Path absolute = wanted.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String base = absolute.getFileName().toString();
      for (int i = 0; ; i++) {
        Path candidate = i == 0 ? absolute : absolute.resolveSibling(base + "_" + i);
        try {
          Files.createDirectory(candidate);
          return candidate;
        } catch (FileAlreadyExistsException taken) {
          // someone else has it (or a file of that name exists): try the next suffix
        }
      }
    } catch (IOException e) {
      throw notWritable(absolute, setting, e);
    }
  }

  /**
   * Fails early, before anything is composed or run, when {@code dir} could not be created or
   * written: probes the nearest existing ancestor with a temporary file. Nothing is left behind, so
   * a failed check writes nothing under {@code outputs/} or {@code multirun/}.
   *
   * @throws ConfigException naming the directory and the fix
   */
  public static void requireWritable(Path dir, String setting) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      if (existing == null || !Files.isDirectory(existing)) {
        throw new IOException(existing + " is not a directory");
      }
      // Named by hand: Files.createTempFile seeds SecureRandom, which loads the security
      // providers at every start.
      Path probe =
          existing.resolve(
              ".hydra4j-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
      Files.delete(Files.createFile(probe));
    } catch (IOException e) {
      throw notWritable(absolute, setting, e);
    }
  }

  /** Why, in words: the JDK's messages for these are often just the path. */
  private static String reason(IOException cause) {
    if (cause instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "a parent directory does not exist and cannot be made";
    }
    if (cause instanceof java.nio.file.FileAlreadyExistsException e) {
      return e.getFile() + " exists and is not a directory";
    }
    if (cause instanceof java.nio.file.FileSystemException e && e.getReason() != null) {
      return e.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  private static ConfigException notWritable(Path dir, String setting, IOException cause) {
    String where = setting == null ? "the output directory" : setting;
    return new ConfigException(
        "Cannot create the output directory " + dir + ": " + reason(cause),
        setting == null ? null : Origin.of(setting),
        "fix the permissions of "
            + dir
            + " or its parent, or choose another location with "
            + where
            + "=<writable path>",
        cause);
  }
}
