package dev.hydra4j.override;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random well-formed overrides, built as values (not text), from a seeded Random. */
final class OverrideGenerator {

  /** Characters strings are drawn from: plain, escapable, quote-only and non-ASCII ones. */
  private static final String STRING_CHARS = "abcxyzAZ09_-./$%*@?|+ \t\\()[]{}:=,'\"#~!<>&;`^ü日";

  private static final String KEY_CHARS = "abcxyz019_-./$%*@?|+ \\()[]{}:=,";
  private static final String[] WORDS = {"a", "db", "lr", "x_1", "KEY-2", "$s", "_global_"};

  private final Random random;

  OverrideGenerator(Random random) {
    this.random = random;
  }

  ParsedOverride override() {
    OverrideType type = OverrideType.values()[random.nextInt(4)];
    String key = key();
    String pkg = random.nextInt(4) == 0 ? pick(WORDS) + (random.nextBoolean() ? ".p" : "") : null;
    OverrideValue value = type == OverrideType.DEL && random.nextInt(4) == 0 ? null : value();
    return new ParsedOverride(type, key, pkg, value, "");
  }

  private String key() {
    switch (random.nextInt(3)) {
      case 0:
        return pick(WORDS);
      case 1:
        return "a." + pick(WORDS) + "." + random.nextInt(3);
      default:
        return "g/" + pick(new String[] {"a", "db", "x_1"});
    }
  }

  OverrideValue value() {
    switch (random.nextInt(8)) {
      case 0:
        return choice(true);
      case 1:
        return choice(false);
      case 2:
        return range();
      case 3:
        return interval();
      case 4:
        return glob();
      default:
        return Element.of(plain(3));
    }
  }

  Object plain(int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextInt(5) == 0
            ? new BigInteger(70, random).negate()
            : (long) (random.nextInt(2001) - 1000);
      case 3:
        return aDouble();
      case 4:
      case 5:
      case 6:
        return string(STRING_CHARS, 0);
      case 7:
        {
          List<Object> list = new ArrayList<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            list.add(plain(depth - 1));
          }
          return list;
        }
      default:
        {
          Map<Object, Object> map = new LinkedHashMap<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            map.put(dictKey(), plain(depth - 1));
          }
          return map;
        }
    }
  }

  /** Keys that can be written bare: not empty, not number-like, no quote-only characters. */
  private Object dictKey() {
    switch (random.nextInt(5)) {
      case 0:
        return (long) random.nextInt(100);
      case 1:
        return random.nextBoolean();
      case 2:
        return null;
      default:
        {
          String s;
          do {
            s = string(KEY_CHARS, 1);
          } while (!OverrideText.isSafeUnquoted(s));
          return s;
        }
    }
  }

  private double aDouble() {
    switch (random.nextInt(8)) {
      case 0:
        return Double.POSITIVE_INFINITY;
      case 1:
        return Double.NEGATIVE_INFINITY;
      case 2:
        return Double.NaN;
      case 3:
        return -0.0;
      case 4:
        return Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
      default:
        return (random.nextInt(20001) - 10000) / 100.0;
    }
  }

  private String string(String alphabet, int minLength) {
    int length = minLength + random.nextInt(6);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private ChoiceSweep choice(boolean simple) {
    List<OverrideValue> items = new ArrayList<>();
    for (int i = (simple ? 2 : 1) + random.nextInt(3); i > 0; i--) {
      items.add(Element.of(plain(2)));
    }
    List<String> tags = simple ? List.of() : tags();
    return new ChoiceSweep(items, simple, random.nextInt(4) == 0, tags);
  }

  private RangeSweep range() {
    boolean floats = random.nextBoolean();
    Number start =
        floats ? (Number) (random.nextInt(100) / 4.0) : (Number) (long) random.nextInt(100);
    Number stop =
        floats ? (Number) (random.nextInt(200) / 8.0) : (Number) (long) random.nextInt(100);
    long stepValue = random.nextInt(9) - 4L;
    Number step =
        floats
            ? (Number) ((stepValue == 0 ? 1 : stepValue) / 2.0)
            : (Number) (stepValue == 0 ? 1L : stepValue);
    return new RangeSweep(start, stop, step, random.nextInt(4) == 0, tags());
  }

  private IntervalSweep interval() {
    if (random.nextBoolean()) {
      return new IntervalSweep((long) random.nextInt(10), (long) random.nextInt(10), tags());
    }
    return new IntervalSweep(aDouble(), aDouble(), tags());
  }

  private GlobSweep glob() {
    List<String> include = new ArrayList<>();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      include.add(string("ab*?[]!", 1));
    }
    List<String> exclude = random.nextBoolean() ? List.of() : List.of(string("ab*?", 1));
    return new GlobSweep(include, exclude);
  }

  private List<String> tags() {
    List<String> tags = new ArrayList<>();
    for (int i = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
      tags.add(string(STRING_CHARS, 0));
    }
    return tags;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
