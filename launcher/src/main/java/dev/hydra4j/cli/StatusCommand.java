package dev.hydra4j.cli;

import dev.hydra4j.execute.StatusReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a sweep's jobs: counts by state, each job's state, exit code and"
          + " duration, and the failures with the end of their stderr."
    },
    footer = {"", "Example:", "  hydra4j status multirun/2026-01-31/12-00-00"})
final class StatusCommand extends SweepDirCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    return StatusReport.print(dir(), out);
  }
}
