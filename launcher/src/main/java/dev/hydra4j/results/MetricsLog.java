package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code metrics.jsonl}: a job appends one JSON object per line while it runs, e.g. {@code
 * {"step": 100, "time": 12.5, "reward": 3.2, "sps": 850}}. {@code step} and {@code time} say where
 * the line is; every other numeric leaf (nested objects flatten to dotted names) is a point of that
 * metric's curve. A line without a step counts as the metric's next step (0, 1, …). A last line
 * without its newline is being written and is skipped; any other line that is no JSON object is a
 * problem of the job.
 */
final class MetricsLog {

  static final String FILE = dev.hydra4j.run.JobLogs.METRICS_LOG;
  static final String STEP = "step";
  static final String TIME = "time";

  private MetricsLog() {}

  /** The curves in {@code text}, by metric name, in order of first appearance. */
  static Map<String, List<CurvePoint>> parse(String text, List<String> problems) {
    Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    int bad = 0;
    String firstBad = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      boolean unfinished = i == lines.length - 1;
      if (line.isEmpty() || unfinished && !text.endsWith("\n")) {
        continue;
      }
      JsonNode node;
      try {
        node = RunFiles.parseJson(line);
      } catch (IOException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        bad++;
        firstBad = firstBad != null ? firstBad : "line " + (i + 1) + ": " + cut(line);
        continue;
      }
      Double step = number(node.get(STEP));
      Double time = number(node.get(TIME));
      Map<String, Object> leaves = new LinkedHashMap<>();
      MetricsJson.flatten(node, "", leaves);
      leaves.forEach(
          (name, value) -> {
            Double y = MetricValues.number(value);
            if (y == null || name.equals(STEP) || name.equals(TIME)) {
              return;
            }
            List<CurvePoint> curve = curves.computeIfAbsent(name, k -> new ArrayList<>());
            curve.add(new CurvePoint(step != null ? step : (double) curve.size(), time, y));
          });
    }
    if (bad > 0) {
      problems.add(
          FILE
              + ": "
              + bad
              + (bad == 1 ? " line is" : " lines are")
              + " not a JSON object ("
              + firstBad
              + ")");
    }
    return curves;
  }

  private static Double number(JsonNode node) {
    return node != null && node.isNumber() ? node.asDouble() : null;
  }

  private static String cut(String line) {
    return line.length() <= 40 ? line : line.substring(0, 40) + "…";
  }
}
