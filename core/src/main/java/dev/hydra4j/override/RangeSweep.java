package dev.hydra4j.override;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.PythonFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code range(start, stop, step)} over ints, or over floats when any bound is a float. Element
 * {@code i} is {@code start + step*i}, kept while below {@code stop} (above it for a negative
 * step). Float elements are computed the way Hydra computes them, in 28-digit decimal arithmetic on
 * the exact binary values and rounded once, so that {@code range(1.0,3.14,0.1)} yields
 * 1.9000000000000001 but 1.7 (ovr-0106).
 *
 * @param start a Long or a Double
 * @param stop a Long or a Double
 * @param step a Long or a Double; zero parses but cannot be listed
 */
public record RangeSweep(Number start, Number stop, Number step, boolean shuffle, List<String> tags)
    implements Sweep {

  /** Python's default decimal context. */
  private static final MathContext PYTHON_DECIMAL = new MathContext(28, RoundingMode.HALF_EVEN);

  public RangeSweep {
    tags = List.copyOf(tags);
    if (!isNumber(start) || !isNumber(stop) || !isNumber(step)) {
      throw new IllegalArgumentException("range bounds must be Long or Double");
    }
  }

  /** Whether the elements are floats. */
  public boolean isFloat() {
    return start instanceof Double || stop instanceof Double || step instanceof Double;
  }

  /** How many elements the range has (Long.MAX_VALUE for absurdly long float ranges). */
  public long size() {
    requireListable();
    if (!isFloat()) {
      BigInteger from = BigInteger.valueOf(start.longValue());
      BigInteger to = BigInteger.valueOf(stop.longValue());
      BigInteger by = BigInteger.valueOf(step.longValue());
      BigInteger span = by.signum() > 0 ? to.subtract(from) : from.subtract(to);
      if (span.signum() <= 0) {
        return 0;
      }
      BigInteger stride = by.abs();
      return span.add(stride).subtract(BigInteger.ONE).divide(stride).longValue();
    }
    // Estimate in doubles, then settle exactly against the decimal elements.
    double estimate = Math.ceil((stop.doubleValue() - start.doubleValue()) / step.doubleValue());
    if (!(estimate > 0)) {
      return inRange(0) ? 1 : 0;
    }
    if (estimate > 1e15) {
      return estimate >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) estimate;
    }
    long n = (long) estimate;
    while (n > 0 && !inRange(n - 1)) {
      n--;
    }
    while (inRange(n)) {
      n++;
    }
    return n;
  }

  /** Element {@code index} (0-based), a Long or a Double. */
  public Number get(long index) {
    requireListable();
    if (!isFloat()) {
      return BigInteger.valueOf(step.longValue())
          .multiply(BigInteger.valueOf(index))
          .add(BigInteger.valueOf(start.longValue()))
          .longValue();
    }
    return decimalElement(index).doubleValue();
  }

  /** The elements in order, computed when read. */
  public List<Number> values() {
    long size = size();
    if (size > Integer.MAX_VALUE) {
      throw new ConfigException(
          toOverrideText() + " has too many elements to list",
          null,
          "use a larger step or a smaller span");
    }
    return new AbstractList<>() {
      @Override
      public Number get(int index) {
        return RangeSweep.this.get(index);
      }

      @Override
      public int size() {
        return (int) size;
      }
    };
  }

  @Override
  public ValueType valueType() {
    return ValueType.RANGE_SWEEP;
  }

  @Override
  public List<SweepItem> expand(List<String> groupOptions, RandomGenerator random) {
    List<SweepItem> out = new ArrayList<>();
    for (Number n : values()) {
      out.add(new SweepItem(n, CanonicalText.scalar(n)));
    }
    if (shuffle) {
      Ordering.shuffle(out, random);
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toOverrideText() {
    String text = "range(" + number(start) + "," + number(stop) + "," + number(step) + ")";
    if (shuffle) {
      text = "shuffle(" + text + ")";
    }
    return OverrideText.tagged(tags, text);
  }

  private boolean inRange(long index) {
    BigDecimal element = decimalElement(index);
    int c = element.compareTo(exact(stop));
    return step.doubleValue() > 0 ? c < 0 : c > 0;
  }

  private BigDecimal decimalElement(long index) {
    BigDecimal offset = exact(step).multiply(BigDecimal.valueOf(index), PYTHON_DECIMAL);
    return exact(start).add(offset, PYTHON_DECIMAL);
  }

  private static boolean isNumber(Number n) {
    return n instanceof Long || n instanceof Double;
  }

  /**
   * Whether the elements can be listed. Like Hydra, a zero step or an infinite bound parses
   * (range(1,2,0) is a sweep) and fails only when the jobs are listed.
   */
  public boolean isListable() {
    return step.doubleValue() != 0 && isFinite(start) && isFinite(stop) && isFinite(step);
  }

  private void requireListable() {
    if (!isListable()) {
      throw new ConfigException(
          "Cannot list the elements of "
              + toOverrideText()
              + ": "
              + (step.doubleValue() == 0 ? "its step is 0" : "a bound is not finite"),
          null,
          "use finite bounds and a step other than 0");
    }
  }

  private static boolean isFinite(Number n) {
    return !(n instanceof Double d) || Double.isFinite(d);
  }

  private static BigDecimal exact(Number n) {
    return n instanceof Double d ? new BigDecimal(d) : BigDecimal.valueOf(n.longValue());
  }

  private static String number(Number n) {
    return n instanceof Double d ? PythonFloat.repr(d) : n.toString();
  }
}
