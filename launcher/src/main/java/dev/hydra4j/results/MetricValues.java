package dev.hydra4j.results;

import dev.hydra4j.config.PythonFloat;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Metric values: {@link Long}, {@link Double}, {@link Boolean} or {@link String}. Text read from a
 * log or a CSV cell becomes a number when it reads as one, so that sorting, filters and plots treat
 * {@code 0.8206} as a number wherever it came from.
 */
final class MetricValues {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private MetricValues() {}

  /** {@code text} as a Long, a Double, or itself (stripped) when it is not a number. */
  static Object parse(String text) {
    String t = text.strip();
    if (INTEGER.matcher(t).matches() && t.length() < 19) {
      return Long.parseLong(t);
    }
    if (DECIMAL.matcher(t).matches()) {
      return Double.parseDouble(t);
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      case "inf", "+inf", "infinity", "+infinity" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf", "-infinity" -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> {
        return t;
      }
    }
  }

  /** Whether {@code value} is a number (for alignment, sorting and plots). */
  static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof Double || value instanceof Integer;
  }

  /** The number in {@code value}, or {@code null}. */
  static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  /** How a value is written in tables and CSV: Python's repr for floats, as in the configs. */
  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return PythonFloat.repr(d);
    }
    if (value instanceof BigDecimal b) {
      return b.toPlainString();
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return value.toString();
  }

  /**
   * How a value is shown in a table for a person: floats rounded to {@value #DISPLAY_DIGITS}
   * significant digits ({@code 0.10465180361560904} → {@code 0.1047}), or to whole units from
   * 10,000 up; CSV, JSON and Markdown keep the exact value.
   */
  static String display(Object value) {
    if (!(value instanceof Double d) || d.isNaN() || d.isInfinite() || d == 0) {
      return format(value);
    }
    double abs = Math.abs(d);
    if (abs >= 1e9 || abs < 1e-6) {
      return String.format(Locale.ROOT, "%." + (DISPLAY_DIGITS - 1) + "e", d);
    }
    if (abs >= Math.pow(10, DISPLAY_DIGITS)) {
      // Rounded to whole units, not to zeros that would pass for digits (123456789.1, not
      // 123500000).
      return d == Math.rint(d)
          ? new BigDecimal(d).setScale(1).toPlainString()
          : new BigDecimal(d).setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
    BigDecimal rounded =
        new BigDecimal(d).round(new java.math.MathContext(DISPLAY_DIGITS)).stripTrailingZeros();
    // A whole float keeps Python's ".0"; a rounded one does not pretend to that precision.
    return rounded.scale() <= 0 && d == Math.rint(d)
        ? rounded.setScale(1).toPlainString()
        : rounded.toPlainString();
  }

  static final int DISPLAY_DIGITS = 4;

  /** Orders values for {@code --sort}: numbers by value, before text; null is never passed. */
  static int compare(Object a, Object b) {
    Double x = number(a);
    Double y = number(b);
    if (x != null && y != null) {
      return Double.compare(x, y);
    }
    if (x != null) {
      return -1;
    }
    if (y != null) {
      return 1;
    }
    return format(a).compareTo(format(b));
  }
}
