package dev.hydra4j.cli;

import dev.hydra4j.results.RunCompare;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "What differs between two runs, sweeps or jobs: the config keys that"
          + " differ and what set them, the metrics and their change, the git commits and"
          + " uncommitted changes, and the times."
    },
    footer = {
      "",
      "A and B are directories, names, directory names or tags; NAME:3 is job 3" + " of a sweep.",
      "",
      "Examples:",
      "  hydra4j compare multirun/2026-01-31/12-00-00/0 multirun/2026-01-31/12-00-00/3",
      "  hydra4j compare baseline:0 lr_sweep:2",
      "  hydra4j compare baseline lr_sweep"
    })
final class CompareCommand extends PrintingCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "A", description = "The first run, sweep or job.")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "The second run, sweep or job.")
  String b;

  @Option(
      names = "--width",
      paramLabel = "N",
      defaultValue = "-1",
      description = "Table width (default: the terminal's; 0: no limit).")
  int width;

  @Override
  public Integer call() {
    RunLocator.Target x = RunLocator.locateJob(a, false, err);
    RunLocator.Target y = RunLocator.locateJob(b, false, err);
    return RunCompare.print(x.dir(), x.job(), y.dir(), y.job(), width, out);
  }
}
