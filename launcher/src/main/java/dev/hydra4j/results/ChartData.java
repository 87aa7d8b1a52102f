package dev.hydra4j.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The numbers behind one plot of the report: a metric against a swept parameter. A numeric
 * parameter gives lines (x sorted, logarithmic when its values span a decade or more, as learning
 * rates do); any other gives grouped bars. Each series is one combination of the other swept
 * parameters, so a 3x2 sweep shows both dimensions in every plot; with more than {@value
 * #MAX_SERIES} combinations, one series of means over all jobs is drawn instead. Jobs that share an
 * x value within a series are averaged.
 *
 * @param categories for bars, the parameter's values in sweep order; empty for lines
 */
record ChartData(
    String metric,
    String param,
    boolean numeric,
    boolean logX,
    List<String> categories,
    List<Series> series) {

  static final int MAX_SERIES = 8;

  /** One line or one set of bars: x values (Double or String) and mean metric values. */
  record Series(String name, List<Object> xs, List<Double> ys) {}

  /**
   * Every metric against every swept parameter, metrics in order of first appearance. A metric with
   * the same value in every job (an epoch count) has nothing to show and is left out.
   */
  static List<ChartData> all(RunResults results) {
    List<ChartData> charts = new ArrayList<>();
    for (String metric : plottable(results)) {
      for (String param : results.sweptKeys()) {
        ChartData chart = of(results, metric, param);
        if (chart != null) {
          charts.add(chart);
        }
      }
    }
    return charts;
  }

  /** The metrics with at least two different numeric values among the jobs. */
  static List<String> plottable(RunResults results) {
    List<String> out = new ArrayList<>();
    for (String metric : results.metricNames()) {
      java.util.Set<Double> values = new java.util.HashSet<>();
      for (JobRow row : results.rows()) {
        Double y = MetricValues.number(row.metrics().get(metric));
        if (y != null && !y.isNaN() && !y.isInfinite()) {
          values.add(y);
        }
      }
      if (values.size() > 1) {
        out.add(metric);
      }
    }
    return out;
  }

  /** The chart of {@code metric} against {@code param}, or {@code null} when no job has both. */
  static ChartData of(RunResults results, String metric, String param) {
    List<JobRow> rows = new ArrayList<>();
    boolean numeric = true;
    LinkedHashSet<String> categories = new LinkedHashSet<>();
    for (JobRow row : results.rows()) {
      Double y = MetricValues.number(row.metrics().get(metric));
      Object x = row.params().get(param);
      if (y == null || y.isNaN() || y.isInfinite() || x == null) {
        continue;
      }
      rows.add(row);
      numeric &= MetricValues.isNumber(x);
      categories.add(MetricValues.format(x));
    }
    if (rows.isEmpty()) {
      return null;
    }
    List<String> others = new ArrayList<>(results.sweptKeys());
    others.remove(param);
    Map<String, List<JobRow>> groups = new LinkedHashMap<>();
    for (JobRow row : rows) {
      groups.computeIfAbsent(groupName(row, others), k -> new ArrayList<>()).add(row);
    }
    if (groups.size() > MAX_SERIES) {
      groups = Map.of("mean of all jobs", rows);
    }
    List<Series> series = new ArrayList<>();
    for (Map.Entry<String, List<JobRow>> group : groups.entrySet()) {
      series.add(series(group.getKey(), group.getValue(), metric, param, numeric));
    }
    boolean logX = numeric && spansDecades(rows, param);
    return new ChartData(
        metric, param, numeric, logX, numeric ? List.of() : List.copyOf(categories), series);
  }

  private static Series series(
      String name, List<JobRow> rows, String metric, String param, boolean numeric) {
    Map<Object, double[]> sums = new LinkedHashMap<>(); // x -> {sum, count}
    for (JobRow row : rows) {
      Object x =
          numeric
              ? (Object) MetricValues.number(row.params().get(param))
              : MetricValues.format(row.params().get(param));
      double[] sum = sums.computeIfAbsent(x, k -> new double[2]);
      sum[0] += MetricValues.number(row.metrics().get(metric));
      sum[1]++;
    }
    List<Object> xs = new ArrayList<>(sums.keySet());
    if (numeric) {
      xs.sort((a, b) -> Double.compare((Double) a, (Double) b));
    }
    List<Double> ys = new ArrayList<>();
    for (Object x : xs) {
      double[] sum = sums.get(x);
      ys.add(sum[0] / sum[1]);
    }
    return new Series(name, xs, ys);
  }

  private static String groupName(JobRow row, List<String> others) {
    if (others.isEmpty()) {
      return "all jobs";
    }
    List<String> parts = new ArrayList<>();
    for (String key : others) {
      parts.add(key + "=" + MetricValues.format(row.params().get(key)));
    }
    return String.join(", ", parts);
  }

  private static boolean spansDecades(List<JobRow> rows, String param) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (JobRow row : rows) {
      double x = MetricValues.number(row.params().get(param));
      if (x <= 0) {
        return false;
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return max / min >= 10;
  }
}
