package dev.hydra4j.config;

import java.math.BigInteger;

/**
 * A scalar: {@code null}, a {@link String}, a {@link Long} (or {@link BigInteger} beyond 64 bits),
 * a {@link Double} or a {@link Boolean}. The string {@code ???} is OmegaConf's missing marker; a
 * string containing <code>${</code> is an interpolation, resolved on read.
 */
public record ConfigValue(Object value, Origin origin) implements ConfigNode {

  public static final String MISSING = "???";

  public ConfigValue {
    if (value instanceof Integer i) {
      value = i.longValue();
    } else if (value instanceof Float f) {
      value = f.doubleValue();
    } else if (value instanceof BigInteger b && b.bitLength() < 64) {
      value = b.longValue();
    } else if (value != null
        && !(value instanceof String
            || value instanceof Long
            || value instanceof BigInteger
            || value instanceof Double
            || value instanceof Boolean)) {
      throw new IllegalArgumentException("not a scalar: " + value.getClass().getName());
    }
    if (origin == null) {
      origin = Origin.BUILT_IN;
    }
  }

  public static ConfigValue of(Object value, Origin origin) {
    return new ConfigValue(value, origin);
  }

  public static ConfigValue missing(Origin origin) {
    return new ConfigValue(MISSING, origin);
  }

  @Override
  public ConfigValue withOrigin(Origin newOrigin) {
    return new ConfigValue(value, newOrigin);
  }

  @Override
  public boolean isMissing() {
    return MISSING.equals(value);
  }

  @Override
  public boolean isInterpolation() {
    return value instanceof String s && s.contains("${");
  }

  public boolean isNull() {
    return value == null;
  }

  /** Equality of values, ignoring origins. */
  public boolean sameValue(ConfigValue other) {
    return java.util.Objects.equals(value, other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigValue other && java.util.Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
