package dev.hydra4j.search;

import dev.hydra4j.override.SweepItem;
import java.util.List;

/**
 * The values one parameter may take. Numeric distributions are sampled in an internal coordinate
 * (the logarithm for log-scaled ones) and mapped back with {@link #fromInternal}.
 */
sealed interface Distribution {

  /**
   * {@code interval(low, high)}, optionally {@code tag(log, …)}; {@code step > 0} for a float
   * range.
   */
  record FloatRange(double low, double high, boolean log, double step) implements Distribution {}

  /** {@code int(interval(low, high))} or an int {@code range}; {@code high} is included. */
  record IntRange(long low, long high, long step, boolean log) implements Distribution {}

  /** {@code choice(…)} or {@code a,b,c}: unordered values. */
  record Categorical(List<SweepItem> choices) implements Distribution {
    public Categorical {
      choices = List.copyOf(choices);
    }
  }

  /** Bounds of the internal coordinate of a numeric distribution. */
  static double[] internalBounds(Distribution d) {
    if (d instanceof FloatRange f) {
      double half = f.step() > 0 ? f.step() / 2 : 0;
      return f.log()
          ? new double[] {Math.log(f.low()), Math.log(f.high())}
          : new double[] {f.low() - half, f.high() + half};
    }
    IntRange r = (IntRange) d;
    double half = r.step() / 2.0;
    return r.log()
        ? new double[] {Math.log(r.low() - 0.5), Math.log(r.high() + 0.5)}
        : new double[] {r.low() - half, r.high() + half};
  }

  /** The internal coordinate of a parameter value. */
  static double toInternal(Distribution d, Object value) {
    double x = ((Number) value).doubleValue();
    boolean log = d instanceof FloatRange f ? f.log() : ((IntRange) d).log();
    return log ? Math.log(x) : x;
  }

  /** The parameter value (a Double or a Long on the distribution's grid) at {@code x}. */
  static Object fromInternal(Distribution d, double x) {
    if (d instanceof FloatRange f) {
      double v = f.log() ? Math.exp(x) : x;
      if (f.step() > 0) {
        long k = Math.round((v - f.low()) / f.step());
        v = f.low() + k * f.step();
      }
      return Math.min(f.high(), Math.max(f.low(), v));
    }
    IntRange r = (IntRange) d;
    double v = r.log() ? Math.exp(x) : x;
    long k = Math.round((v - r.low()) / r.step());
    long value = r.low() + k * r.step();
    return Math.min(r.high(), Math.max(r.low(), value));
  }
}
