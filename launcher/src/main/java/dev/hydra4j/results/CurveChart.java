package dev.hydra4j.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers behind one learning-curve plot: a metric a job logged over time, one line per job,
 * coloured by the job's swept values (jobs that differ only in the keys averaged over share a
 * colour). With group keys ({@code --over seed}), one line per group instead: the mean at each
 * step, with a band of one standard deviation.
 *
 * @param xLabel {@code step}, or {@code time (s)} when some point has no step
 */
record CurveChart(String metric, String xLabel, List<Line> lines) {

  /** Colours cycle after this many; the legend says which value each one is. */
  static final int COLORS = 10;

  /**
   * One line.
   *
   * @param color the index of its colour (one per distinct legend label)
   * @param inLegend whether it is the first line of its colour, which names the colour
   * @param lower the band's lower edge, or {@code null} for none
   * @param upper the band's upper edge, or {@code null}
   */
  record Line(
      String label,
      int color,
      boolean inLegend,
      List<Double> xs,
      List<Double> ys,
      List<Double> lower,
      List<Double> upper) {}

  /** The image height: the plot keeps its size however many lines the legend below names. */
  int height() {
    long named = lines.stream().filter(Line::inLegend).count();
    return ChartImages.HEIGHT + (int) Math.max(0, named - 3) * 18;
  }

  /** A chart per metric any job logged over time; {@code groupKeys} empty: a line per job. */
  static List<CurveChart> all(RunResults results, List<String> groupKeys) {
    List<CurveChart> charts = new ArrayList<>();
    for (String metric : results.curveNames()) {
      CurveChart chart =
          groupKeys.isEmpty() ? perJob(results, metric) : grouped(results, metric, groupKeys);
      if (!chart.lines().isEmpty()) {
        charts.add(chart);
      }
    }
    return charts;
  }

  private static CurveChart perJob(RunResults results, String metric) {
    boolean bySteps = bySteps(results, metric);
    Map<String, Integer> colors = new LinkedHashMap<>();
    List<Line> lines = new ArrayList<>();
    for (JobRow row : results.rows()) {
      List<CurvePoint> curve = row.curves().get(metric);
      if (curve == null || curve.isEmpty()) {
        continue;
      }
      String label = label(row, results.sweptKeys());
      boolean first = !colors.containsKey(label);
      int color = colors.computeIfAbsent(label, k -> colors.size());
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (CurvePoint p : curve) {
        Double x = bySteps ? p.step() : p.time();
        if (x != null && Double.isFinite(p.value())) {
          xs.add(x);
          ys.add(p.value());
        }
      }
      if (!xs.isEmpty()) {
        lines.add(
            new Line(
                label.isEmpty() ? "job " + row.num() : label, color, first, xs, ys, null, null));
      }
    }
    return new CurveChart(metric, bySteps ? "step" : "time (s)", lines);
  }

  private static CurveChart grouped(RunResults results, String metric, List<String> keys) {
    boolean bySteps = bySteps(results, metric);
    Map<String, Map<Double, List<Double>>> groups = new LinkedHashMap<>();
    for (JobRow row : results.rows()) {
      List<CurvePoint> curve = row.curves().get(metric);
      if (curve == null) {
        continue;
      }
      Map<Double, List<Double>> byX =
          groups.computeIfAbsent(label(row, keys), k -> new TreeMap<>());
      for (CurvePoint p : curve) {
        Double x = bySteps ? p.step() : p.time();
        if (x != null && Double.isFinite(p.value())) {
          byX.computeIfAbsent(x, k -> new ArrayList<>()).add(p.value());
        }
      }
    }
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, Map<Double, List<Double>>> group : groups.entrySet()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      List<Double> lower = new ArrayList<>();
      List<Double> upper = new ArrayList<>();
      int jobs = 0;
      for (Map.Entry<Double, List<Double>> at : group.getValue().entrySet()) {
        GroupStats stats = GroupStats.of(at.getValue());
        double std = stats.std() == null ? 0 : stats.std();
        xs.add(at.getKey());
        ys.add(stats.mean());
        lower.add(stats.mean() - std);
        upper.add(stats.mean() + std);
        jobs = Math.max(jobs, stats.n());
      }
      if (!xs.isEmpty()) {
        String label =
            (group.getKey().isEmpty() ? "all jobs" : group.getKey())
                + " (mean ± std of "
                + jobs
                + ")";
        lines.add(new Line(label, lines.size(), true, xs, ys, lower, upper));
      }
    }
    return new CurveChart(metric, bySteps ? "step" : "time (s)", lines);
  }

  /** Whether every point of the metric has a step; else the x axis is time. */
  private static boolean bySteps(RunResults results, String metric) {
    for (JobRow row : results.rows()) {
      for (CurvePoint p : row.curves().getOrDefault(metric, List.of())) {
        if (p.step() == null) {
          return false;
        }
      }
    }
    return true;
  }

  private static String label(JobRow row, List<String> keys) {
    List<String> parts = new ArrayList<>();
    for (String key : keys) {
      parts.add(key + "=" + MetricValues.format(row.params().get(key)));
    }
    return String.join(", ", parts);
  }
}
