package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seeded property tests. The seed is printed; replay a failure with {@code -Dhydra4j.seed=N}. */
class OverridePropertyTest {

  private static long seed;

  @BeforeAll
  static void chooseSeed() {
    seed = dev.hydra4j.Seeds.seed();
    System.out.println(
        "OverridePropertyTest seed: " + seed + " (replay with -Dhydra4j.seed=" + seed + ")");
  }

  @Test
  void printedOverridesParseBackToEqualValues() {
    OverrideGenerator generator = new OverrideGenerator(new Random(seed));
    for (int i = 0; i < 3000; i++) {
      ParsedOverride original = generator.override();
      String text = original.toString();
      ParsedOverride parsed;
      try {
        parsed = OverrideParser.parse(text);
      } catch (OverrideParseException e) {
        throw new AssertionError(
            "seed " + seed + ": printed text does not parse: " + text + "\n" + e.render(), e);
      }
      String where = "seed " + seed + ", override " + text;
      assertEquals(original.type(), parsed.type(), where);
      assertEquals(original.key(), parsed.key(), where);
      assertEquals(original.packageName(), parsed.packageName(), where);
      assertEquals(normal(original.value()), normal(parsed.value()), where);
      // Printing is stable: the reparsed override prints the same text.
      assertEquals(text, parsed.toString(), where);
    }
  }

  /**
   * Random and mutated text never breaks the parser with anything but a located error, and what
   * does parse prints back to an equal override.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a speed requirement
  void garbageOnlyEverYieldsLocatedParseErrors() {
    Random random = new Random(seed);
    OverrideGenerator generator = new OverrideGenerator(random);
    String alphabet = "ab1.0_-$@/+~=,:()[]{}'\"\\ \t#*eE";
    for (int i = 0; i < 20000; i++) {
      String text =
          i % 3 == 0
              ? randomText(random, alphabet)
              : mutate(random, generator.override().toString(), alphabet);
      try {
        ParsedOverride parsed = OverrideParser.parse(text);
        // Whatever parses also prints back to an equal override.
        ParsedOverride again = OverrideParser.parse(parsed.toString());
        assertEquals(
            normal(parsed.value()),
            normal(again.value()),
            "seed " + seed + ": '" + text + "' printed as '" + parsed + "'");
      } catch (OverrideParseException e) {
        assertTrue(
            e.column() >= 1 && e.column() <= text.length() + 1,
            "seed " + seed + ": column " + e.column() + " outside '" + text + "'");
        assertEquals(text, e.input());
        e.render();
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + ": '" + text + "' threw " + e, e);
      }
    }
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder out = new StringBuilder();
    for (int n = random.nextInt(25); n > 0; n--) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String mutate(Random random, String text, String alphabet) {
    StringBuilder out = new StringBuilder(text);
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (random.nextInt(4)) {
        case 0 -> out.insert(at, c);
        case 1 -> {
          if (out.length() > 0) out.deleteCharAt(at);
        }
        case 2 -> {
          if (out.length() > 0) out.setCharAt(at, c);
        }
        default -> out.setLength(at);
      }
    }
    return out.toString();
  }

  /** A comparable summary of a value: plain values, ignoring how strings were quoted. */
  static Object normal(OverrideValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Element e) {
      return List.of(
          "element",
          String.valueOf(e.value()),
          e.value() == null ? "null" : e.value().getClass().getSimpleName(),
          new Holder(e.value()));
    }
    if (value instanceof ChoiceSweep c) {
      List<Object> items = new ArrayList<>();
      c.items().forEach(item -> items.add(normal(item)));
      return List.of("choice", c.simpleForm(), c.shuffle(), c.tags(), items);
    }
    return value; // range, interval and glob are records of plain values
  }

  /** Compares plain values with List/Map equality (NaN equal to itself, as Double does). */
  private record Holder(Object value) {}
}
