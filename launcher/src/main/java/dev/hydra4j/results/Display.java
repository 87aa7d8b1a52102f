package dev.hydra4j.results;

import dev.hydra4j.run.JobState;
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

  /** {@code 4 jobs: 3 COMPLETED, 1 FAILED}. */
  static String counts(int total, Map<JobState, Integer> counts) {
    StringBuilder out = new StringBuilder().append(total).append(total == 1 ? " job" : " jobs");
    String sep = ": ";
    for (Map.Entry<JobState, Integer> e : counts.entrySet()) {
      out.append(sep).append(e.getValue()).append(' ').append(e.getKey());
      sep = ", ";
    }
    return out.toString();
  }
}
