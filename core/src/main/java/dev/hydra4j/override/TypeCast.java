package dev.hydra4j.override;

import dev.hydra4j.config.PythonFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hydra's {@code int()}, {@code float()}, {@code str()} and {@code bool()}: Python's conversions,
 * applied element-wise to lists, to dict values (not keys), to the items of a choice and to the
 * bounds of a range or interval. Unlike Python, {@code bool('false')} is false and {@code
 * str(true)} is "true" (the conversion matrix in Hydra's documentation).
 */
enum TypeCast {
  INT("int"),
  FLOAT("float"),
  STR("str"),
  BOOL("bool");

  private final String functionName;

  TypeCast(String functionName) {
    this.functionName = functionName;
  }

  static TypeCast named(String name) {
    for (TypeCast cast : values()) {
      if (cast.functionName.equals(name)) {
        return cast;
      }
    }
    return null;
  }

  /** Casts an element (raw value) or a sweep. */
  Object apply(Object value) {
    if (value instanceof ChoiceSweep choice) {
      List<OverrideValue> items = new ArrayList<>();
      for (OverrideValue item : choice.items()) {
        items.add(item instanceof Element e ? new Element(cast(e.raw())) : (Sweep) apply(item));
      }
      return new ChoiceSweep(items, choice.simpleForm(), choice.shuffle(), choice.tags());
    }
    if (value instanceof RangeSweep range) {
      if (this != INT && this != FLOAT) {
        throw new FunctionError("a range can only be cast to int or float", null);
      }
      return new RangeSweep(
          number(range.start()),
          number(range.stop()),
          number(range.step()),
          range.shuffle(),
          range.tags());
    }
    if (value instanceof IntervalSweep interval) {
      if (this != INT && this != FLOAT) {
        throw new FunctionError("an interval can only be cast to int or float", null);
      }
      return new IntervalSweep(number(interval.start()), number(interval.end()), interval.tags());
    }
    if (value instanceof GlobSweep) {
      throw new FunctionError("a glob cannot be cast", null);
    }
    return cast(value);
  }

  private Number number(Number n) {
    Object cast = cast(n);
    if (cast instanceof BigInteger) {
      throw new FunctionError(
          functionName + "() makes " + cast + " a bound, which is too large", null);
    }
    return (Number) cast;
  }

  private Object cast(Object raw) {
    if (raw instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(cast(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (raw instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(e.getKey(), cast(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (raw == null) {
      throw new FunctionError(
          functionName + "() cannot convert null",
          "leave the value uncast, or quote it ('null') to get the string");
    }
    Object v = raw instanceof QuotedString q ? q.text() : raw;
    switch (this) {
      case INT:
        return toInt(v);
      case FLOAT:
        return toFloat(v);
      case STR:
        return toStr(v);
      default:
        return toBool(v);
    }
  }

  private static Object toInt(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new FunctionError(
            "int() cannot convert " + PythonFloat.repr(d) + " to an integer", null);
      }
      return PrimitiveSyntax.integer(new BigDecimal(d).toBigInteger());
    }
    if (v instanceof String s) {
      Number n = PrimitiveSyntax.parsePythonInt(s);
      if (n == null) {
        throw new FunctionError(
            "int() cannot convert '" + s + "' to an integer",
            "int() reads whole numbers like 10 or '-3'; use float() for '1.5'");
      }
      return n;
    }
    return v; // already an int
  }

  private static Object toFloat(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof Long l) {
      return l.doubleValue();
    }
    if (v instanceof BigInteger big) {
      double d = big.doubleValue();
      if (Double.isInfinite(d)) {
        throw new FunctionError("float() cannot convert " + big + ": it is too large", null);
      }
      return d;
    }
    if (v instanceof String s) {
      Double d = PrimitiveSyntax.parsePythonFloat(s);
      if (d == null) {
        throw new FunctionError(
            "float() cannot convert '" + s + "' to a number",
            "float() reads numbers like 1.5, 1e-3, inf or nan");
      }
      return d;
    }
    return v; // already a float
  }

  private static Object toStr(Object v) {
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (v instanceof Double d) {
      return PythonFloat.repr(d);
    }
    return v.toString();
  }

  private static Object toBool(Object v) {
    if (v instanceof String s) {
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
      throw new FunctionError(
          "bool() cannot convert '" + s + "': only true and false can",
          "write true or false (any case), or a number");
    }
    if (v instanceof Double d) {
      return d != 0.0;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof BigInteger big) {
      return big.signum() != 0;
    }
    return v; // already a bool
  }
}
