package dev.hydra4j.execute;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StageLinks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code status <pipeline dir>}: one line per stage with its counts, then every stage's own report
 * (the same as {@code status <pipeline dir>/<stage>}), in launch order.
 */
final class PipelineStatus {

  private PipelineStatus() {}

  static int print(Path dir, PrintStream out) {
    List<String> stages;
    try {
      stages = StageLinks.stagesOf(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream reports = new ByteArrayOutputStream();
    List<String> lines = new ArrayList<>();
    try (PrintStream stageOut = new PrintStream(reports, false, StandardCharsets.UTF_8)) {
      for (String stage : stages) {
        stageOut.println();
        stageOut.println("== stage " + stage);
        Map<JobState, Integer> counts = StatusReport.printSweep(dir.resolve(stage), stageOut);
        lines.add(
            String.format(
                "  %-12s %5d jobs  %s",
                stage,
                counts.values().stream().mapToInt(Integer::intValue).sum(),
                StatusReport.describe(counts)));
      }
    }
    out.println("pipeline " + Multirun.display(dir));
    lines.forEach(out::println);
    out.print(reports.toString(StandardCharsets.UTF_8));
    return 0;
  }
}
