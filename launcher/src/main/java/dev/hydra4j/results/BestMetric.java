package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The best value of a metric among a run's jobs, for {@code runs}. Without {@code --best} the
 * metric is the first one the run's jobs report; whether lower or higher is better is then guessed
 * from its name (losses, errors and times are minimised, everything else maximised) and printed
 * next to the value, so a wrong guess is visible and {@code --best loss:min} corrects it.
 *
 * @param name the metric, or {@code null} for each run's first
 * @param max whether higher is better, or {@code null} to guess from the name
 */
record BestMetric(String name, Boolean max) {

  private static final Pattern LOWER_IS_BETTER =
      Pattern.compile(
          "loss|error|^err|[^a-z]err|mse|mae|^wer|^cer|perplexity|ppl|latency|time|duration"
              + "|seconds");

  static BestMetric parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return new BestMetric(text.strip(), null);
    }
    String mode = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
    if (!mode.equals("min") && !mode.equals("max")) {
      throw new ConfigException(
          "--best takes METRIC, METRIC:min or METRIC:max, not '" + text + "'",
          Origin.of("--best " + text),
          "e.g. --best mAP50:max or --best loss:min");
    }
    return new BestMetric(text.substring(0, colon).strip(), mode.equals("max"));
  }

  static boolean guessMax(String metric) {
    return !LOWER_IS_BETTER.matcher(metric.toLowerCase(Locale.ROOT)).find();
  }

  /** {@code mAP50=0.7587 (max)}, or empty when the run has no such metric. */
  static String describe(RunIndex index, IndexedRun run, BestMetric option) throws SQLException {
    String metric =
        option != null
            ? option.name()
            : run.metricNames().isEmpty() ? null : run.metricNames().get(0);
    if (metric == null) {
      return "";
    }
    boolean max = option != null && option.max() != null ? option.max() : guessMax(metric);
    String path = "$.\"" + metric.replace("\"", "\\\"") + "\"";
    try (PreparedStatement s =
        index
            .db()
            .prepareStatement(
                "SELECT "
                    + (max ? "MAX" : "MIN")
                    + "(json_extract(metrics, ?)) FROM jobs WHERE run_dir = ?"
                    + " AND json_type(metrics, ?) IN ('integer', 'real')")) {
      s.setString(1, path);
      s.setString(2, run.dir());
      s.setString(3, path);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next() || rs.getObject(1) == null) {
          return "";
        }
        Object value = rs.getObject(1);
        Object number =
            value instanceof Number n && !(value instanceof Double)
                ? (Object) n.longValue()
                : (Object) rs.getDouble(1);
        return metric + "=" + MetricValues.format(number) + " (" + (max ? "max" : "min") + ")";
      }
    }
  }
}
