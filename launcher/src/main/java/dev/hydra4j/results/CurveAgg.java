package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.List;
import java.util.Locale;

/**
 * How a curve becomes one value in a table ({@code collect --agg}): its last point, its best (the
 * minimum for names that say loss, error or time, else the maximum, as {@code runs --best}
 * guesses), its minimum or its maximum.
 */
enum CurveAgg {
  LAST,
  BEST,
  MIN,
  MAX;

  static CurveAgg parse(String text) {
    if (text == null) {
      return LAST;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Unknown aggregate '" + text + "'",
          Origin.of("--agg " + text),
          "use last, best, min or max");
    }
  }

  /** The value of {@code curve} (never empty) named {@code metric}. */
  double of(String metric, List<CurvePoint> curve) {
    boolean max = this == MAX || this == BEST && BestMetric.guessMax(metric);
    if (this == LAST) {
      return curve.get(curve.size() - 1).value();
    }
    double best = curve.get(0).value();
    for (CurvePoint p : curve) {
      if (Double.isNaN(best)
          || !Double.isNaN(p.value()) && (max ? p.value() > best : p.value() < best)) {
        best = p.value();
      }
    }
    return best;
  }
}
