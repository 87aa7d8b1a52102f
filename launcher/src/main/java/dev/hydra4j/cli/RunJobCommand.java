package dev.hydra4j.cli;

import dev.hydra4j.execute.SavedSweep;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "run-job",
    mixinStandardHelpOptions = true,
    description = {
      "Run one job of a saved sweep in the foreground, its output shown live"
          + " (to debug it), in its own directory."
    },
    footer = {"", "Example:", "  hydra4j run-job multirun/2026-01-31/12-00-00 3"})
final class RunJobCommand extends SweepDirCommand implements Callable<Integer> {

  @Parameters(index = "1", paramLabel = "NUM", description = "The job number.")
  int num;

  @Override
  public Integer call() {
    return SavedSweep.open(dir(), err).runJob(num, out);
  }
}
