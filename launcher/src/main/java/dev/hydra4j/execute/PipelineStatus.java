package dev.hydra4j.execute;

import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StageLinks;
import dev.hydra4j.run.SweepState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
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
        int jobs = counts.values().stream().mapToInt(Integer::intValue).sum();
        lines.add(
            String.format(
                "  %-12s %5d job%s  %s%s",
                stage,
                jobs,
                jobs == 1 ? " " : "s",
                dev.hydra4j.run.StateLabel.describe(counts, 0),
                after(dir.resolve(stage))));
      }
    }
    out.println("pipeline " + Multirun.display(dir));
    lines.forEach(out::println);
    out.print(reports.toString(StandardCharsets.UTF_8));
    return 0;
  }

  /** What a stage waits for, as its {@code stage.json} says: " (after each job of train)". */
  private static String after(Path stageDir) {
    try {
      StageLinks links = StageLinks.read(stageDir);
      if (links == null || links.upstream().isEmpty()) {
        return "";
      }
      return links.upstream().stream()
          .map(l -> (l.each() ? "each job of " : "all of ") + l.stage())
          .collect(java.util.stream.Collectors.joining(", ", "  (after ", ")"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One line per stage with its jobs' states, from the files; returns 1 when a job ended without
   * completing (a SKIPPED one included), otherwise 0.
   */
  static int summarize(Path dir, PrintStream err) {
    int exit = 0;
    StringBuilder text = new StringBuilder("hydra4j: pipeline " + Multirun.display(dir) + ":");
    try {
      for (String stage : StageLinks.stagesOf(dir)) {
        Path stageDir = dir.resolve(stage);
        Map<Integer, Path> jobDirs = SweepKill.jobDirs(SavedPlan.read(stageDir), stageDir);
        SweepState state = SweepState.read(stageDir, jobDirs);
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        for (int num : jobDirs.keySet()) {
          JobState s = state.effective(num).state();
          counts.merge(s, 1, Integer::sum);
          if (s.isTerminal() && !s.isSuccess()) {
            exit = SweepResult.EXIT_FAILED;
          }
        }
        text.append("\n  ")
            .append(stage)
            .append(": ")
            .append(dev.hydra4j.run.StateLabel.describe(counts, 0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    err.println(text);
    if (exit != 0) {
      err.println(
          "hydra4j: see the failures with: hydra4j status "
              + Multirun.display(dir)
              + "; run the failed jobs and then their dependants with: hydra4j rerun --failed "
              + Multirun.display(dir));
    }
    return exit;
  }
}
