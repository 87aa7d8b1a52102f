package dev.hydra4j.cli;

import dev.hydra4j.results.Runs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write one CSV with every job of every run and sweep: run, name, tags,"
          + " job number, status, duration, parameters and metrics."
    },
    footer = {"", "Examples:", "  hydra4j export results.csv", "  hydra4j export - | head"})
final class ExportCommand extends PrintingCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The CSV file to write, or - for" + " standard output.")
  String file;

  @Mixin IndexOptions index;

  @Override
  public Integer call() {
    return Runs.export(index.scope(err), file, out, err);
  }
}
