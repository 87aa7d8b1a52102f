package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before anything is written, that a job's program can be started. */
final class Commands {

  private Commands() {}

  static void requireRunnable(PreparedJob job) {
    String program = job.argv().get(0);
    if (program.contains("/")) {
      Path path = job.workingDir().resolve(program);
      if (!Files.isRegularFile(path)) {
        throw notFound(program, "no such file (relative paths start at " + job.workingDir() + ")");
      }
      if (!Files.isExecutable(path)) {
        throw notFound(
            program,
            "the file is not executable; chmod +x "
                + program
                + " or run it through its interpreter");
      }
      return;
    }
    String pathVar = job.env().getOrDefault("PATH", System.getenv("PATH"));
    if (pathVar != null) {
      for (String dir : pathVar.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return;
        }
      }
    }
    throw notFound(program, "it is not on PATH; give its full path or install it");
  }

  private static ConfigException notFound(String program, String hint) {
    return new ConfigException(
        "Cannot run the command '" + program + "'",
        Origin.of("command word '" + program + "'"),
        hint);
  }
}
