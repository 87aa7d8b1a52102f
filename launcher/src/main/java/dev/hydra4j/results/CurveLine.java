package dev.hydra4j.results;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For {@code monitor}: the latest value and step of each metric a running job logs, with a
 * sparkline of its recent points — {@code reward 3.2 @400 ▁▂▃▅▇ sps 850 @400 ▇▇▆▇▇}.
 */
final class CurveLine {

  private static final String BARS = "▁▂▃▄▅▆▇█";
  static final int POINTS = 12;
  private static final int MAX_METRICS = 4;

  private CurveLine() {}

  /** The line for the job in {@code jobDir}; empty when it logs no curve (yet). */
  static String of(Path jobDir) {
    String text;
    try {
      text = LogText.read(jobDir.resolve(MetricsLog.FILE));
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      return "";
    }
    Map<String, List<CurvePoint>> curves = MetricsLog.parse(text, new ArrayList<>());
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<CurvePoint>> e : curves.entrySet()) {
      if (parts.size() == MAX_METRICS || e.getValue().isEmpty()) {
        break;
      }
      List<CurvePoint> curve = e.getValue();
      CurvePoint last = curve.get(curve.size() - 1);
      String where =
          last.step() != null
              ? "@" + MetricValues.display(last.step()).replaceAll("\\.0$", "")
              : last.time() != null ? "@" + MetricValues.display(last.time()) + "s" : "";
      parts.add(
          e.getKey()
              + " "
              + MetricValues.display(last.value())
              + " "
              + where
              + " "
              + spark(curve.subList(Math.max(0, curve.size() - POINTS), curve.size())));
    }
    return String.join("  ", parts);
  }

  /** One bar per point, scaled between the points' minimum and maximum. */
  static String spark(List<CurvePoint> points) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (CurvePoint p : points) {
      if (Double.isFinite(p.value())) {
        min = Math.min(min, p.value());
        max = Math.max(max, p.value());
      }
    }
    StringBuilder out = new StringBuilder();
    for (CurvePoint p : points) {
      if (!Double.isFinite(p.value())) {
        out.append(' ');
        continue;
      }
      int level =
          max > min
              ? (int) Math.round((p.value() - min) / (max - min) * (BARS.length() - 1))
              : BARS.length() / 2;
      out.append(BARS.charAt(level));
    }
    return out.toString();
  }
}
