package dev.hydra4j.cli;

import dev.hydra4j.results.Collect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "One row per job of a sweep (or the job of a single run): its number,"
          + " status, duration, the swept parameters and the metrics it reported."
    },
    footer = {
      "",
      "Examples:",
      "  hydra4j collect multirun/2026-01-31/12-00-00",
      "  hydra4j collect --latest --sort -mAP50 --filter 'status == \"COMPLETED\"'",
      "  hydra4j collect lr_sweep --over seed",
      "  hydra4j collect DIR --agg best --format csv > results.csv"
    })
final class CollectCommand extends PrintingCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR|NAME",
      description =
          "The sweep or run: its directory (multirun/2026-01-31/12-00-00), its"
              + " --name, the end of its directory (12-00-00) or a tag.")
  String dir;

  @Option(
      names = "--latest",
      description = "Use the newest run or sweep under outputs/ and" + " multirun/.")
  boolean latest;

  @Option(
      names = "--format",
      paramLabel = "table|csv|markdown|json",
      defaultValue = "table",
      description = "Output format (default: table).")
  String format;

  @Option(
      names = "--sort",
      paramLabel = "KEY",
      description =
          "Sort by this column;" + " -KEY for descending. Jobs without a value come last.")
  String sort;

  @Option(
      names = "--filter",
      paramLabel = "EXPR",
      description =
          "Keep rows where EXPR is"
              + " true, e.g. 'mAP50 > 0.5 && training.lr < 0.01' (the sweep filter's language).")
  String filter;

  @Option(
      names = "--columns",
      paramLabel = "A,B,…",
      split = ",",
      description = "Show only these columns, in this order.")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--all-params",
      description = "Show every override, not only the swept" + " ones.")
  boolean allParams;

  @Option(
      names = "--width",
      paramLabel = "N",
      defaultValue = "-1",
      description = "Table" + " width (default: the terminal's; 0: no limit).")
  int width;

  @Option(
      names = "--agg",
      paramLabel = "last|best|min|max",
      description =
          "The value of a"
              + " metric logged over time (metrics.jsonl): its last point (default), best, min or"
              + " max.")
  String agg;

  @Mixin HarvestOptions harvest;

  @Override
  public Integer call() {
    Path target = RunLocator.locate(dir, latest, err);
    return Collect.print(
        target,
        new Collect.Options(
            format,
            allParams,
            sort,
            filter,
            columns,
            width,
            agg,
            harvest.given(err),
            harvest.groupBy,
            harvest.over),
        out,
        err);
  }
}
