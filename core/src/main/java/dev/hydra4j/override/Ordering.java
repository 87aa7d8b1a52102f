package dev.hydra4j.override;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code sort} and {@code shuffle} on lists, choice sweeps and ranges. Values compare as in Python:
 * numbers (and bools) with numbers, strings with strings, lists element-wise; anything else cannot
 * be ordered (ovr-0790).
 */
final class Ordering {

  private Ordering() {}

  static <T> void shuffle(List<T> list, RandomGenerator random) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  /** A sorted copy of raw values (quoted strings compare as their text). */
  static List<Object> sortRaw(List<?> raw, boolean reverse) {
    List<Object> out = new ArrayList<>(raw);
    Comparator<Object> order = (a, b) -> compare(Element.plain(a), Element.plain(b));
    out.sort(reverse ? order.reversed() : order);
    return Collections.unmodifiableList(out);
  }

  static ChoiceSweep sort(ChoiceSweep sweep, boolean reverse) {
    List<Object> values = new ArrayList<>();
    for (OverrideValue item : sweep.items()) {
      if (!(item instanceof Element element)) {
        throw new FunctionError("cannot sort a choice that contains another sweep", null);
      }
      values.add(element.raw());
    }
    List<OverrideValue> items = new ArrayList<>();
    for (Object raw : sortRaw(values, reverse)) {
      items.add(new Element(raw));
    }
    return new ChoiceSweep(items, sweep.simpleForm(), false, sweep.tags());
  }

  /** The same elements in ascending (or, reversed, descending) order. */
  static RangeSweep sort(RangeSweep range, boolean reverse) {
    if (!range.isListable()) {
      throw new FunctionError(
          "cannot sort "
              + range.toOverrideText()
              + ": it needs finite bounds and a step other than 0",
          null);
    }
    boolean ascending = range.step().doubleValue() > 0;
    if (ascending != reverse || range.size() == 0) {
      return range;
    }
    Number last = range.get(range.size() - 1);
    Number stop = subtract(range.start(), range.step());
    Number step =
        range.step() instanceof Double d ? (Number) (-d) : (Number) (-range.step().longValue());
    return new RangeSweep(last, stop, step, false, range.tags());
  }

  private static Number subtract(Number a, Number b) {
    if (a instanceof Double || b instanceof Double) {
      return a.doubleValue() - b.doubleValue();
    }
    return a.longValue() - b.longValue();
  }

  static int compare(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        int c = compare(x.get(i), y.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw new FunctionError(
        "cannot sort " + describe(a) + " and " + describe(b) + " together: they cannot be compared",
        "sort values of one kind: all numbers, all strings or all lists");
  }

  private static int compareNumbers(Object a, Object b) {
    if (a instanceof Double || b instanceof Double) {
      double x = toDouble(a);
      double y = toDouble(b);
      boolean bothFloats = a instanceof Double && b instanceof Double;
      if (Double.isFinite(x) && Double.isFinite(y) && !bothFloats) {
        return exact(a).compareTo(exact(b));
      }
      return Double.compare(x, y);
    }
    return exact(a).compareTo(exact(b));
  }

  private static BigDecimal exact(Object n) {
    if (n instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (n instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (n instanceof Double d) {
      return new BigDecimal(d);
    }
    return BigDecimal.valueOf(((Number) n).longValue());
  }

  private static double toDouble(Object n) {
    return n instanceof Boolean b ? (b ? 1 : 0) : ((Number) n).doubleValue();
  }

  private static boolean isNumber(Object o) {
    return o instanceof Number || o instanceof Boolean;
  }

  static String describe(Object value) {
    String kind;
    if (value == null) {
      kind = "null";
    } else if (value instanceof String) {
      kind = "a string";
    } else if (value instanceof Boolean) {
      kind = "a bool";
    } else if (value instanceof Double) {
      kind = "a float";
    } else if (value instanceof Number) {
      kind = "an int";
    } else if (value instanceof List) {
      kind = "a list";
    } else {
      kind = "a dict";
    }
    return value == null ? "null" : CanonicalText.of(value, false) + " (" + kind + ")";
  }
}
