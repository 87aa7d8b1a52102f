package dev.hydra4j.cli;

import dev.hydra4j.results.NotebookWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = {
      "Write a Jupyter notebook that loads the sweep's results (written beside it"
          + " as DIR/results.csv) with pandas and plots each metric against each swept"
          + " parameter with matplotlib."
    },
    footer = {
      "",
      "Example:",
      "  hydra4j notebook multirun/2026-01-31/12-00-00",
      "  jupyter lab multirun/2026-01-31/12-00-00/results.ipynb"
    })
final class NotebookCommand extends SweepDirCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the notebook (default: DIR/results.ipynb).")
  Path output;

  @Override
  public Integer call() {
    return NotebookWriter.write(dir(), output, out);
  }
}
