package dev.hydra4j.results;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code hydra4j collect DIR}: one row per job of a sweep (or the one job of a run) with its
 * number, status, duration, swept parameters and metrics, in the format asked for.
 */
public final class Collect {

  /**
   * What {@code collect} was asked for.
   *
   * @param format table, csv, markdown or json
   * @param allParams show every override key, not only the swept ones
   * @param sort a column to sort by, {@code -} in front for descending, or {@code null}
   * @param filter a condition over the columns, or {@code null}
   * @param columns the columns to show, in order, or empty for the default
   * @param width the line width of a table, 0 for no limit, -1 to detect the terminal's
   * @param agg how a curve becomes a value: last, best, min or max ({@code null}: last)
   * @param rules rules to apply besides those recorded with each job
   * @param groupBy keys to group jobs by (mean, std, CI per metric), or empty
   * @param over keys to aggregate over (group by every other swept key), or empty
   */
  public record Options(
      String format,
      boolean allParams,
      String sort,
      String filter,
      List<String> columns,
      int width,
      String agg,
      HarvestRules.Given rules,
      List<String> groupBy,
      List<String> over) {
    public Options {
      columns = columns == null ? List.of() : List.copyOf(columns);
      groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
      over = over == null ? List.of() : List.copyOf(over);
      rules = rules == null ? HarvestRules.none() : rules;
    }

    public Options(
        String format,
        boolean allParams,
        String sort,
        String filter,
        List<String> columns,
        int width) {
      this(format, allParams, sort, filter, columns, width, null, null, null, null);
    }
  }

  private Collect() {}

  /** Prints the results of the run or sweep in {@code dir}; returns the exit code. */
  public static int print(Path dir, Options options, PrintStream out, PrintStream err) {
    ResultsFormat format = ResultsFormat.parse(options.format());
    RunResults results =
        RunResults.read(dir, new Harvester(options.rules(), CurveAgg.parse(options.agg())));
    ResultsTable table = table(results, options);
    int width = options.width() < 0 ? TerminalWidth.detect() : options.width();
    if (format == ResultsFormat.TABLE) {
      out.println(
          results.run().kind().label()
              + " "
              + Display.path(results.run().dir())
              + "  ("
              + Display.counts(results.rows().size(), results.tally())
              + ")");
      out.println();
    }
    out.print(format.render(table, width));
    PrintStream notes = format == ResultsFormat.TABLE ? out : err;
    if (format == ResultsFormat.TABLE) {
      printSources(results, out, true);
    }
    printProblems(results, notes, format == ResultsFormat.TABLE);
    return 0;
  }

  private static ResultsTable table(RunResults results, Options options) {
    if (options.groupBy().isEmpty() && options.over().isEmpty()) {
      return ResultsTable.of(
          results,
          new ResultsTable.Options(
              options.allParams(), options.sort(), options.filter(), options.columns()));
    }
    List<String> keys = GroupedTable.keys(results, options.groupBy(), options.over());
    ResultsTable jobs =
        ResultsTable.of(results, new ResultsTable.Options(true, null, options.filter(), List.of()));
    ResultsTable grouped = GroupedTable.of(jobs, keys, ResultsTable.metricColumns(results));
    List<Map<String, Object>> rows =
        options.sort() == null || options.sort().isBlank()
            ? grouped.rows()
            : ResultsTable.sorted(grouped.rows(), options.sort(), grouped.columns());
    List<String> shown = new java.util.ArrayList<>();
    for (String column : options.columns()) {
      shown.add(ResultsTable.known(column.strip(), grouped.columns(), "--columns"));
    }
    return new ResultsTable(shown.isEmpty() ? grouped.columns() : shown, rows);
  }

  /** Which rule made which column, when rules made any. */
  static void printSources(RunResults results, PrintStream to, boolean blankLine) {
    Map<String, java.util.Set<String>> sources = results.ruleSources();
    if (sources.isEmpty()) {
      return;
    }
    if (blankLine) {
      to.println();
    }
    to.println("metrics from rules");
    sources.forEach((metric, rules) -> to.println("  " + metric + ": " + String.join("; ", rules)));
  }

  static void printProblems(RunResults results, PrintStream to, boolean blankLine) {
    Map<String, List<Integer>> problems = results.problemsByMessage();
    boolean noMetrics =
        results.hasNoMetrics()
            && results.counts().getOrDefault(dev.hydra4j.run.JobState.COMPLETED, 0) > 0;
    if (problems.isEmpty() && !noMetrics) {
      return;
    }
    if (blankLine) {
      to.println();
    }
    to.println("problems");
    if (noMetrics) {
      to.println(
          "  no job reported metrics: write metrics.json in the job directory or add"
              + " rules to hydra.results.metrics (see docs/results.md)");
    }
    problems.forEach(
        (message, nums) -> to.println("  " + JobNumbers.describe(nums) + ": " + message));
  }
}
