package dev.hydra4j.cli;

import dev.hydra4j.results.HtmlReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write one self-contained HTML file about a sweep: its record, a status"
          + " overview, the results table, the learning curves (metrics.jsonl) and a plot of"
          + " each metric against each swept parameter. It needs no network to open."
    },
    footer = {
      "",
      "Examples:",
      "  hydra4j report multirun/2026-01-31/12-00-00",
      "  hydra4j report lr_sweep --over seed",
      "  hydra4j report DIR -o ~/public_html/sweep.html"
    })
final class ReportCommand extends SweepDirCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the report (default: DIR/report.html).")
  Path output;

  @Mixin HarvestOptions harvest;

  @Override
  public Integer call() {
    return HtmlReport.write(dir(), output, harvest.given(err), harvest.groupBy, harvest.over, out);
  }
}
