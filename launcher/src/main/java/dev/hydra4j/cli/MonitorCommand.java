package dev.hydra4j.cli;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.results.Monitor;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Watch a sweep, local or on SLURM, until every job has ended: progress,"
          + " counts by state, failed jobs with their last stderr lines, running jobs with the"
          + " tail of their logs. It only reads the directories: Ctrl+C leaves the jobs"
          + " running. On a pipe it prints plain progress lines."
    },
    footer = {
      "",
      "Exit codes: 0 every job completed, 1 some did not.",
      "",
      "Examples:",
      "  hydra4j monitor multirun/2026-01-31/12-00-00",
      "  hydra4j monitor DIR --plain | tee monitor.log"
    })
final class MonitorCommand extends SweepDirCommand implements Callable<Integer> {

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "Seconds between two looks at the directories (default: 2).")
  double interval;

  @Option(names = "--plain", description = "Print progress lines even on a terminal.")
  boolean plain;

  @Option(
      names = "--lines",
      paramLabel = "N",
      defaultValue = "3",
      description = "Log lines shown per job (default: 3).")
  int lines;

  @Override
  public Integer call() {
    if (!(interval > 0) || interval > 3600) {
      throw new ConfigException(
          "--interval must be between 0 and 3600 seconds",
          Origin.of("--interval " + interval),
          "e.g. --interval 5");
    }
    Duration every = Duration.ofMillis(Math.max(10, (long) (interval * 1000)));
    return Monitor.watch(
        dir(), new Monitor.Options(every, plain ? Boolean.FALSE : null, Math.max(0, lines)), out);
  }
}
