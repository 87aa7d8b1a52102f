package dev.hydra4j.override;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.PythonFloat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code interval(start, end)}: every float in {@code [start, end)}, for sweepers that sample (Ax,
 * Nevergrad, Optuna). Bounds are Doubles, or Longs after {@code int(...)}.
 */
public record IntervalSweep(Number start, Number end, List<String> tags) implements Sweep {

  public IntervalSweep {
    tags = List.copyOf(tags);
  }

  @Override
  public ValueType valueType() {
    return ValueType.INTERVAL_SWEEP;
  }

  /** Always fails: an interval has no list of values to hand out. */
  @Override
  public List<SweepItem> expand(List<String> groupOptions, RandomGenerator random) {
    throw new ConfigException(
        "The basic sweeper cannot sweep over "
            + toOverrideText()
            + ": an interval has no list of values",
        null,
        "use range(start,stop,step) or choice(...) for a grid of values");
  }

  @Override
  public String toOverrideText() {
    String text = "interval(" + number(start) + "," + number(end) + ")";
    if (!(start instanceof Double)) {
      text = "int(" + text + ")";
    }
    return OverrideText.tagged(tags, text);
  }

  private static String number(Number n) {
    return n instanceof Double d ? PythonFloat.repr(d) : n.toString();
  }
}
