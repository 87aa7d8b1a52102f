package dev.hydra4j.cli;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.JobState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rerun",
    mixinStandardHelpOptions = true,
    description = {"Run again exactly the jobs of a sweep that are in the chosen states."},
    footer = {
      "",
      "Examples:",
      "  hydra4j rerun --failed multirun/2026-01-31/12-00-00",
      "  hydra4j rerun --state TIMEOUT,CANCELLED multirun/2026-01-31/12-00-00"
    })
final class RerunCommand extends RelaunchCommand implements Callable<Integer> {

  @Option(
      names = "--failed",
      description =
          "The jobs that did not succeed on their own:"
              + " FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, PREEMPTED (the default).")
  boolean failed;

  @Option(
      names = "--state",
      split = ",",
      paramLabel = "STATE",
      description = "The jobs in these states, e.g. FAILED,TIMEOUT,INTERRUPTED.")
  List<String> states;

  @Override
  public Integer call() {
    Set<JobState> chosen = EnumSet.noneOf(JobState.class);
    if (failed || states == null) {
      chosen.addAll(
          EnumSet.of(
              JobState.FAILED,
              JobState.TIMEOUT,
              JobState.OUT_OF_MEMORY,
              JobState.NODE_FAIL,
              JobState.PREEMPTED));
    }
    if (states != null) {
      for (String s : states) {
        try {
          chosen.add(JobState.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              "Unknown job state '" + s + "'",
              Origin.of("--state " + s),
              "states: " + java.util.Arrays.toString(JobState.values()));
        }
      }
    }
    var pipeline = pipeline();
    return pipeline != null ? pipeline.rerun(chosen) : sweep().rerun(chosen);
  }
}
