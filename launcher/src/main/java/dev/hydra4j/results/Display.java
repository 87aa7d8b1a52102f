package dev.hydra4j.results;

import dev.hydra4j.run.StateLabel;
import java.nio.file.Path;
import java.util.Map;

/** How paths and job counts are shown to a person. */
final class Display {

  private Display() {}

  /** {@code dir} relative to the working directory when below it, as the launcher prints it. */
  static String path(Path dir) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = dir.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd)
        ? cwd.relativize(abs).toString()
        : abs.toString();
  }

  /** {@code 4 jobs: 3 COMPLETED, 1 FAILED}, from counts by label ({@link StateLabel#tally}). */
  static String counts(int total, Map<String, Integer> tally) {
    StringBuilder out = new StringBuilder().append(total).append(total == 1 ? " job" : " jobs");
    String sep = ": ";
    for (Map.Entry<String, Integer> e : tally.entrySet()) {
      out.append(sep).append(e.getValue()).append(' ').append(e.getKey());
      sep = ", ";
    }
    return out.toString();
  }
}
