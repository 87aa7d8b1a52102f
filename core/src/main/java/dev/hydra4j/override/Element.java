package dev.hydra4j.override;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single override value (not a sweep).
 *
 * <p>{@link #value()} is plain immutable Java: {@code null}, {@link String}, {@link Long} (or
 * {@link java.math.BigInteger} when it does not fit), {@link Double}, {@link Boolean}, {@code
 * List<Object>} and insertion-ordered {@code Map<Object, Object>}. Dict keys are typed like values
 * ({@code {1:a, true:b, null:c}} has a Long, a Boolean and a null key), as in Hydra; keys written
 * as plain words are Strings.
 */
public final class Element implements OverrideValue {

  private final Object raw;
  private final Object value;

  /**
   * @param raw a value as the parser builds it; strings may still be {@link QuotedString}
   */
  Element(Object raw) {
    this.raw = raw;
    this.value = plain(raw);
  }

  /** An element holding a plain value (it prints as Hydra would print the same value). */
  public static Element of(Object plainValue) {
    return new Element(checkedPlain(plainValue));
  }

  public Object value() {
    return value;
  }

  /** Whether the user wrote this value as a quoted string. */
  public boolean isQuoted() {
    return raw instanceof QuotedString;
  }

  /**
   * Hydra's canonical text of this value ({@code value_str}): {@code [1,2]}, {@code {a:1}}, {@code
   * True}, {@code 'quoted'}, {@code a\ b}.
   */
  public String canonical() {
    return CanonicalText.of(raw, false);
  }

  /** As {@link #canonical()}, with a space after each {@code ,} and {@code :} if asked. */
  public String canonical(boolean spaced) {
    return CanonicalText.of(raw, spaced);
  }

  /** The value as a sweep would hand it to one job. */
  public SweepItem asSweepItem() {
    return new SweepItem(value, canonical());
  }

  @Override
  public ValueType valueType() {
    return ValueType.ELEMENT;
  }

  @Override
  public String toOverrideText() {
    return OverrideText.of(raw);
  }

  Object raw() {
    return raw;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Element other && Objects.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(raw);
  }

  @Override
  public String toString() {
    return toOverrideText();
  }

  private static Object checkedPlain(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger big) {
      return PrimitiveSyntax.integer(big); // one representation per number
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(checkedPlain(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(checkedPlain(e.getKey()), checkedPlain(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v == null
        || v instanceof String
        || v instanceof Long
        || v instanceof Double
        || v instanceof Boolean) {
      return v;
    }
    throw new IllegalArgumentException("not an override value: " + v.getClass().getName());
  }

  static Object plain(Object raw) {
    if (raw instanceof QuotedString q) {
      return q.text();
    }
    if (raw instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(plain(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (raw instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      // Loops, not lambdas: parsing runs at start-up, where the first lambda costs ~10 ms.
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(plain(e.getKey()), plain(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    return raw;
  }
}
