package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows and columns {@code collect} prints: job number, status, duration, the swept parameters
 * (every override key with {@code --all-params}) and the metrics, filtered, sorted and narrowed to
 * {@code --columns} as asked. Filters and sorting may use any column, shown or not.
 *
 * @param columns the column names, in order
 * @param rows each row's values by column name ({@code null} where a job has none)
 */
record ResultsTable(List<String> columns, List<Map<String, Object>> rows) {

  static final String NUM = "num";
  static final String STATUS = "status";
  static final String DURATION = "duration_s";

  /** How to shape the table; {@code null} or empty fields mean "as it comes". */
  record Options(boolean allParams, String sort, String filter, List<String> columns) {
    static final Options DEFAULT = new Options(false, null, null, List.of());

    Options {
      columns = columns == null ? List.of() : List.copyOf(columns);
    }
  }

  ResultsTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static ResultsTable of(RunResults results, Options options) {
    List<String> all = new ArrayList<>(List.of(NUM, STATUS, DURATION));
    all.addAll(results.paramKeys());
    List<String> metricColumns = metricColumns(results);
    all.addAll(metricColumns);
    check(results, options, all);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JobRow row : results.rows()) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put(NUM, (long) row.num());
      values.put(STATUS, row.stateLabel());
      values.put(DURATION, row.seconds());
      for (String key : results.paramKeys()) {
        values.put(key, row.params().get(key));
      }
      for (int i = 0; i < metricColumns.size(); i++) {
        values.put(metricColumns.get(i), row.metrics().get(results.metricNames().get(i)));
      }
      rows.add(values);
    }
    if (options.filter() != null && !options.filter().isBlank()) {
      RowFilter filter = RowFilter.compile(options.filter(), all);
      int before = rows.size();
      rows = rows.stream().filter(filter::test).toList();
      filter.checkUsable(before);
    }
    if (options.sort() != null && !options.sort().isBlank()) {
      rows = sorted(rows, options.sort(), all);
    }
    List<String> shown;
    if (!options.columns().isEmpty()) {
      shown = new ArrayList<>();
      for (String column : options.columns()) {
        shown.add(known(column.strip(), all, "--columns"));
      }
    } else {
      shown = new ArrayList<>(List.of(NUM, STATUS, DURATION));
      // With one job nothing varies, and its overrides are what set it apart.
      shown.addAll(
          options.allParams() || results.rows().size() == 1
              ? results.paramKeys()
              : results.sweptKeys());
      shown.addAll(metricColumns);
    }
    return new ResultsTable(shown, rows);
  }

  /** The column of each metric: its name, or metrics.NAME when a parameter has that name. */
  static List<String> metricColumns(RunResults results) {
    List<String> out = new ArrayList<>();
    for (String metric : results.metricNames()) {
      boolean clash =
          results.paramKeys().contains(metric) || List.of(NUM, STATUS, DURATION).contains(metric);
      out.add(clash ? "metrics." + metric : metric);
    }
    return out;
  }

  static List<Map<String, Object>> sorted(
      List<Map<String, Object>> rows, String sort, List<String> all) {
    boolean descending = sort.startsWith("-");
    String key =
        known(
            descending ? sort.substring(1) : sort.startsWith("+") ? sort.substring(1) : sort,
            all,
            "--sort");
    Comparator<Object> values =
        descending ? (a, b) -> MetricValues.compare(b, a) : MetricValues::compare;
    // Jobs without the value go last whichever the direction: they have nothing to rank.
    Comparator<Map<String, Object>> order =
        Comparator.comparing(r -> r.get(key), Comparator.nullsLast(values));
    List<Map<String, Object>> out = new ArrayList<>(rows);
    out.sort(order);
    return out;
  }

  static String known(String column, List<String> all, String option) {
    if (all.contains(column)) {
      return column;
    }
    throw new ConfigException(
        "No job has a column '" + column + "'",
        Origin.of(option + " " + column),
        "columns: " + String.join(", ", all));
  }

  /** Checks {@code --sort} and {@code --columns} names before any work, naming the metrics. */
  private static void check(RunResults results, Options options, List<String> all) {
    List<String[]> asked = new ArrayList<>();
    for (String column : options.columns()) {
      asked.add(new String[] {column.strip(), "--columns " + column});
    }
    if (options.sort() != null && !options.sort().isBlank()) {
      asked.add(
          new String[] {
            options.sort().strip().replaceFirst("^[-+]", ""), "--sort " + options.sort()
          });
    }
    for (String[] name : asked) {
      if (!all.contains(name[0])) {
        String metrics =
            results.metricNames().isEmpty()
                ? "no job reported any metric"
                : "metrics: " + String.join(", ", results.metricNames());
        throw new ConfigException(
            "No job has a metric or column '" + name[0] + "'",
            Origin.of(name[1]),
            metrics
                + "; parameters: "
                + String.join(", ", results.paramKeys())
                + "; and num, status, duration_s");
      }
    }
  }

  /** The values of one column, top to bottom. */
  List<Object> column(String name) {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      out.add(row.get(name));
    }
    return out;
  }
}
