package dev.hydra4j.settings;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** What a setting accepts; {@link #read} turns a present, non-null value into its type. */
public sealed interface SettingKind {

  /** The value as its Java type, or a {@link ConfigException} at the value's origin. */
  Object read(String path, ConfigNode node);

  /** The accepted values in words, for messages and docs ("a whole number from 1 to 10"). */
  String describe();

  /** An example value, for hints. */
  String example();

  /** A whole number in {@code [min, max]}, read as a {@link Long}. */
  record WholeNumber(long min, long max, String example) implements SettingKind {
    @Override
    public Object read(String path, ConfigNode node) {
      Object value = node instanceof ConfigValue v ? v.value() : null;
      BigInteger whole = null;
      if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
        whole = new BigInteger(n.toString());
      } else if (value instanceof Double d && !d.isNaN() && !d.isInfinite() && d == Math.rint(d)) {
        whole = BigDecimal.valueOf(d).toBigInteger();
      }
      if (whole == null
          || whole.compareTo(BigInteger.valueOf(min)) < 0
          || whole.compareTo(BigInteger.valueOf(max)) > 0) {
        throw Invalid.value(path, node, this);
      }
      return whole.longValue();
    }

    @Override
    public String describe() {
      return max == Long.MAX_VALUE
          ? "a whole number of at least " + min
          : "a whole number from " + min + " to " + max;
    }
  }

  /** A number in {@code (min, max]} or {@code [min, max]}, read as a {@link Double}. */
  record Decimal(double min, boolean minIncluded, double max, String example)
      implements SettingKind {
    @Override
    public Object read(String path, ConfigNode node) {
      if (node instanceof ConfigValue v
          && v.value() instanceof Number n
          && !(v.value() instanceof Boolean)) {
        double d = n.doubleValue();
        if (!Double.isNaN(d) && (minIncluded ? d >= min : d > min) && d <= max) {
          return d;
        }
      }
      throw Invalid.value(path, node, this);
    }

    @Override
    public String describe() {
      return "a number "
          + (minIncluded ? "from " + plain(min) : "greater than " + plain(min))
          + (minIncluded ? " to " : " and at most ")
          + plain(max);
    }

    private static String plain(double d) {
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }

  /** One of a few words. */
  record OneOf(List<String> words) implements SettingKind {
    public OneOf {
      words = List.copyOf(words);
    }

    @Override
    public Object read(String path, ConfigNode node) {
      String word = Invalid.word(node, words);
      if (word != null) {
        return word;
      }
      throw Invalid.value(path, node, this);
    }

    @Override
    public String describe() {
      return "one of " + String.join(", ", words);
    }

    @Override
    public String example() {
      return words.get(words.size() - 1);
    }
  }

  /**
   * A list of distinct whole numbers in {@code [min, max]}, read as a {@code List<Long>}, or one of
   * a few words instead of a list (e.g. {@code auto}), read as a {@link String}.
   */
  record WholeNumbers(long min, long max, List<String> words, String example)
      implements SettingKind {
    public WholeNumbers {
      words = List.copyOf(words);
    }

    @Override
    public Object read(String path, ConfigNode node) {
      if (!(node instanceof ConfigList list)) {
        String word = Invalid.word(node, words);
        if (word == null) {
          throw Invalid.value(path, node, this);
        }
        return word;
      }
      WholeNumber each = new WholeNumber(min, max, "0");
      List<Long> numbers = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        ConfigNode item = list.get(i);
        String at = path + "[" + i + "]";
        long number;
        try {
          number = (Long) each.read(at, item);
        } catch (ConfigException e) {
          throw new ConfigException(
              at + " must be " + each.describe() + ", not " + Invalid.shown(item),
              item.origin(),
              "e.g. " + path + "=" + example);
        }
        if (numbers.contains(number)) {
          throw new ConfigException(
              path
                  + " lists "
                  + number
                  + " twice (items "
                  + numbers.indexOf(number)
                  + " and "
                  + i
                  + ")",
              item.origin(),
              "list each once, e.g. " + path + "=" + example);
        }
        numbers.add(number);
      }
      return List.copyOf(numbers);
    }

    @Override
    public String describe() {
      return "a list of distinct whole numbers "
          + (max == Long.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max)
          + (words.isEmpty() ? "" : ", or " + String.join(", ", words));
    }
  }

  /** A mapping, checked by its reader (e.g. the sweeper's {@code params}). */
  record Mapping(String example) implements SettingKind {
    @Override
    public Object read(String path, ConfigNode node) {
      if (node instanceof ConfigMap map) {
        return map;
      }
      throw Invalid.value(path, node, this);
    }

    @Override
    public String describe() {
      return "a mapping of key to value";
    }
  }

  /** Messages shared by the kinds. */
  final class Invalid {
    private Invalid() {}

    static ConfigException value(String path, ConfigNode node, SettingKind kind) {
      return new ConfigException(
          path + " must be " + kind.describe() + ", not " + shown(node),
          node.origin(),
          "e.g. " + path + "=" + kind.example());
    }

    /** The node's text when it is one of {@code words}, else {@code null}. */
    static String word(ConfigNode node, List<String> words) {
      return node instanceof ConfigValue v && v.value() instanceof String s && words.contains(s)
          ? s
          : null;
    }

    static String shown(ConfigNode node) {
      return node instanceof ConfigValue v
          ? (v.value() instanceof String s ? "'" + s + "'" : String.valueOf(v.value()))
          : node instanceof ConfigMap ? "a mapping" : "a list";
    }
  }
}
