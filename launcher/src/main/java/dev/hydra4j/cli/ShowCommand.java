package dev.hydra4j.cli;

import dev.hydra4j.results.RunShow;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Everything recorded about a run or sweep: name, tags and notes; command,"
          + " user, host and git state; config choices and overrides; times, job states,"
          + " scheduler ids and metrics; failures with their last stderr lines."
    },
    footer = {
      "",
      "NAME:3 (or a job's directory) shows job 3 of a sweep.",
      "",
      "Examples:",
      "  hydra4j show multirun/2026-01-31/12-00-00",
      "  hydra4j show lr_sweep:3"
    })
final class ShowCommand extends SweepDirCommand implements Callable<Integer> {

  @Option(
      names = "--width",
      paramLabel = "N",
      defaultValue = "-1",
      description = "Table width (default: the terminal's; 0: no limit).")
  int width;

  @Override
  public Integer call() {
    RunLocator.Target target = RunLocator.locateJob(sweepDir, latest, err);
    return RunShow.print(target.dir(), target.job(), width, out);
  }
}
