package dev.hydra4j.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The runs and sweeps started from a project directory, wherever their directories are: {@code
 * .hydra4j/runs.txt}, one absolute directory per line, appended when a run or sweep is created.
 * {@code runs}, {@code export}, {@code --latest} and names search these besides the roots the
 * config names, so a sweep with a custom {@code hydra.sweep.dir} is never invisible. A line whose
 * directory is gone is skipped.
 */
public final class RunRegistry {

  static final String FILE = "runs.txt";

  private RunRegistry() {}

  static Path file(Path project) {
    return project.resolve(".hydra4j").resolve(FILE);
  }

  /**
   * Records {@code dir}, started from the current directory. A registry that cannot be written
   * loses nothing but this convenience, so it never stops a run.
   */
  public static void register(Path dir) {
    Path file = file(Path.of("").toAbsolutePath());
    String line = dir.toAbsolutePath().normalize() + "\n";
    try {
      Files.createDirectories(file.getParent());
      // One short append is atomic on local file systems; readers skip a torn line.
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the run itself is unaffected; 'hydra4j runs --root DIR' still finds it
    }
  }

  /** The registered directories of {@code project} that still hold a run or sweep. */
  static List<Path> registered(Path project) {
    Path file = file(project);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    LinkedHashSet<Path> dirs = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Path dir;
        try {
          dir = Path.of(line.strip());
        } catch (java.nio.file.InvalidPathException e) {
          continue;
        }
        if (dir.isAbsolute() && RecordedRun.isRun(dir)) {
          dirs.add(dir);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return new ArrayList<>(dirs);
  }
}
