package dev.hydra4j;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Scalar values as Java types. Numbers and booleans may also be given as strings (a value from
 * {@code ${oc.env:…}} is always one), as OmegaConf converts them for typed fields; a number never
 * silently loses a fraction or overflows.
 */
final class Scalars {

  private static final Set<Class<?>> TYPES =
      Set.of(
          String.class,
          int.class,
          Integer.class,
          long.class,
          Long.class,
          double.class,
          Double.class,
          float.class,
          Float.class,
          short.class,
          Short.class,
          byte.class,
          Byte.class,
          boolean.class,
          Boolean.class,
          char.class,
          Character.class,
          BigInteger.class,
          BigDecimal.class,
          Duration.class,
          ByteSize.class,
          Path.class);

  /** A scalar that does not fit the wanted type. */
  static final class Mismatch extends Exception {
    Mismatch() {
      super(null, null, false, false);
    }
  }

  private Scalars() {}

  static boolean isScalar(Class<?> type) {
    return TYPES.contains(type) || type.isEnum();
  }

  /** {@code value} as {@code type}, which {@link #isScalar} accepts. */
  static Object convert(ConfigValue value, Class<?> type) throws Mismatch {
    Object v = value.value();
    if (type.isEnum()) {
      return enumConstant(v, type);
    }
    if (type == String.class) {
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        return v instanceof Double d ? dev.hydra4j.config.PythonFloat.repr(d) : v.toString();
      }
      throw new Mismatch();
    }
    if (type == boolean.class || type == Boolean.class) {
      return bool(v);
    }
    if (type == Duration.class) {
      Duration d = v instanceof Long || v instanceof String ? Units.duration(v.toString()) : null;
      if (d == null) {
        throw new Mismatch();
      }
      return d;
    }
    if (type == ByteSize.class) {
      Long bytes = v instanceof Long || v instanceof String ? Units.bytes(v.toString()) : null;
      if (bytes == null) {
        throw new Mismatch();
      }
      return new ByteSize(bytes);
    }
    if (type == Path.class) {
      if (v instanceof String s) {
        return Path.of(s);
      }
      throw new Mismatch();
    }
    if (type == char.class || type == Character.class) {
      if (v instanceof String s && s.length() == 1) {
        return s.charAt(0);
      }
      throw new Mismatch();
    }
    return number(decimal(v), type);
  }

  private static Object enumConstant(Object v, Class<?> type) throws Mismatch {
    if (!(v instanceof String s)) {
      throw new Mismatch();
    }
    Object[] constants = type.getEnumConstants();
    for (Object c : constants) {
      if (((Enum<?>) c).name().equals(s)) {
        return c;
      }
    }
    for (Object c : constants) {
      if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw new Mismatch();
  }

  private static Boolean bool(Object v) throws Mismatch {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on":
          return true;
        case "false", "no", "off":
          return false;
        default:
          break;
      }
    }
    throw new Mismatch();
  }

  private static BigDecimal decimal(Object v) throws Mismatch {
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (v instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d);
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.strip().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new Mismatch();
      }
    }
    throw new Mismatch();
  }

  private static Object number(BigDecimal n, Class<?> type) throws Mismatch {
    try {
      if (type == double.class || type == Double.class) {
        return n.doubleValue();
      }
      if (type == float.class || type == Float.class) {
        return n.floatValue();
      }
      if (type == BigDecimal.class) {
        return n;
      }
      BigInteger whole = n.toBigIntegerExact();
      if (type == BigInteger.class) {
        return whole;
      }
      if (type == long.class || type == Long.class) {
        return whole.longValueExact();
      }
      if (type == int.class || type == Integer.class) {
        return whole.intValueExact();
      }
      if (type == short.class || type == Short.class) {
        return whole.shortValueExact();
      }
      if (type == byte.class || type == Byte.class) {
        return whole.byteValueExact();
      }
    } catch (ArithmeticException e) {
      throw new Mismatch();
    }
    throw new Mismatch();
  }

  /** What a value of {@code type} looks like, for messages: {@code an int}, {@code a duration}. */
  static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }
    if (type == Duration.class) {
      return "a duration (e.g. 10s, 500ms, 2h)";
    }
    if (type == ByteSize.class) {
      return "a size (e.g. 512M, 2GiB)";
    }
    if (type == Path.class) {
      return "a path";
    }
    String name =
        type.isPrimitive()
            ? type.getName()
            : switch (type.getSimpleName()) {
              case "Integer" -> "int";
              case "Character" -> "char";
              default -> type.getSimpleName().toLowerCase(Locale.ROOT);
            };
    return ("int".equals(name) ? "an " : "a ") + name;
  }

  /** A value as a message shows it: {@code 'fast' (a string)}, {@code a list}. */
  static String describe(ConfigNode node) {
    if (node instanceof ConfigMap) {
      return "a map";
    }
    if (node instanceof ConfigList) {
      return "a list";
    }
    Object v = ((ConfigValue) node).value();
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "'" + s + "' (a string)";
    }
    String text = v instanceof Double d ? dev.hydra4j.config.PythonFloat.repr(d) : v.toString();
    return text
        + (v instanceof Boolean
            ? " (a boolean)"
            : v instanceof Double ? " (a float)" : " (an integer)");
  }
}
