package dev.hydra4j.cli;

import dev.hydra4j.results.RunFilter;
import dev.hydra4j.results.Runs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Every run and sweep under outputs/ and multirun/, newest first: when it"
          + " started, its name and tags, its jobs by state and its best metric."
    },
    footer = {
      "",
      "Examples:",
      "  hydra4j runs",
      "  hydra4j runs --tag paper --status completed --since 2026-01-01",
      "  hydra4j runs --best loss:min --format csv"
    })
final class RunsCommand extends PrintingCommand implements Callable<Integer> {

  @Option(
      names = "--status",
      paramLabel = "STATE",
      description = "Only runs in this overall state: completed, failed, running, pending, …")
  String status;

  @Option(
      names = "--tag",
      paramLabel = "TAG",
      description = "Only runs with this tag" + " (repeatable: all of them).")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "TEXT",
      description = "Only runs whose name contains" + " TEXT.")
  String name;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only runs started on or after" + " DATE (2026-01-31 or 2026-01-31T12:00).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Only runs started on or before" + " DATE.")
  String until;

  @Option(
      names = "--kind",
      paramLabel = "run|sweep",
      description = "Only single runs or" + " sweeps.")
  String kind;

  @Option(
      names = "--best",
      paramLabel = "METRIC[:min|max]",
      description =
          "The metric whose"
              + " best value is shown (default: each run's first, lower-is-better guessed from its"
              + " name).")
  String best;

  @Option(
      names = "--format",
      paramLabel = "table|csv|markdown|json",
      defaultValue = "table",
      description = "Output format (default: table).")
  String format;

  @Option(
      names = "--width",
      paramLabel = "N",
      defaultValue = "-1",
      description = "Table width (default: the terminal's; 0: no limit).")
  int width;

  @Mixin IndexOptions index;

  @Override
  public Integer call() {
    return Runs.list(
        index.scope(err),
        new RunFilter(status, tags, name, since, until, kind),
        best,
        format,
        width,
        out,
        err);
  }
}
