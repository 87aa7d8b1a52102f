package dev.hydra4j.override;

import static dev.hydra4j.override.JsonExpectations.assertValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every override case produced by real Hydra 1.3.5 (conformance/overrides.json). Error wording
 * is ours; an error must be an {@link OverrideParseException} with a column, and where Hydra's
 * lexer printed a caret, ours must point at the same character.
 */
class OverrideConformanceTest {

  /** Cases where hydra4j deliberately differs from Hydra, with the reason. */
  static final Map<String, String> DIVERGENCES = Map.of();

  private static final String LEXER_ERROR = "LexerNoViableAltException: ";

  static Stream<Arguments> cases() throws IOException {
    JsonNode root;
    try (InputStream in =
        OverrideConformanceTest.class.getResourceAsStream("/conformance/overrides.json")) {
      root = new ObjectMapper().readTree(in);
    }
    return StreamSupport.stream(root.get("cases").spliterator(), false)
        .filter(c -> !DIVERGENCES.containsKey(c.get("id").textValue()))
        .map(
            c ->
                Arguments.of(
                    Named.of(c.get("id").textValue() + " " + c.get("input").textValue(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesHydra(JsonNode c) {
    String input = c.get("input").textValue();
    if (c.get("error").booleanValue()) {
      assertRejected(c, input);
      return;
    }
    ParsedOverride parsed = OverrideParser.parse(input);
    assertEquals(c.get("key_or_group").textValue(), parsed.key(), "key_or_group");
    assertEquals(c.get("package").textValue(), parsed.packageName(), "package");
    assertEquals(c.get("override_type").textValue(), parsed.type().name(), "override_type");
    assertEquals(c.get("is_sweep").booleanValue(), parsed.isSweep(), "is_sweep");
    JsonNode valueType = c.get("value_type");
    if (valueType.isNull()) {
      assertNull(parsed.value(), "a bare delete has no value");
      assertEquals("null", c.get("value_str").textValue());
      return;
    }
    assertEquals(valueType.textValue(), parsed.value().valueType().name(), "value_type");
    if (parsed.value() instanceof Element element) {
      assertElement(c, element);
    } else {
      assertSweep(c, (Sweep) parsed.value());
    }
  }

  private static void assertRejected(JsonNode c, String input) {
    OverrideParseException e =
        assertThrows(OverrideParseException.class, () -> OverrideParser.parse(input));
    assertTrue(
        e.column() >= 1 && e.column() <= input.length() + 1,
        "column " + e.column() + " outside the input");
    assertEquals(input, e.input());
    String hydraMessage = c.get("message_prefix").textValue();
    String caretLine = c.get("message_line2").textValue();
    if (hydraMessage.startsWith(LEXER_ERROR) && caretLine.trim().equals("^")) {
      int hydraColumn = caretLine.indexOf('^') - LEXER_ERROR.length() + 1;
      assertEquals(hydraColumn, e.column(), "column of the bad character: " + e.render());
    }
  }

  private static void assertElement(JsonNode c, Element element) {
    boolean unordered = c.path("order_unspecified").asBoolean(false);
    if (unordered) {
      List<?> actual = assertInstanceOf(List.class, element.value());
      List<Object> sorted = new ArrayList<>(actual);
      sorted.sort(Comparator.comparing(String::valueOf));
      assertValue(c.get("value"), sorted, "value (order unspecified)");
      return;
    }
    assertValue(c.get("value"), element.value(), "value");
    assertEquals(c.get("value_str").textValue(), element.canonical(), "value_str");
    assertEquals(
        c.get("value_str_spaced").textValue(), element.canonical(true), "value_str_spaced");
  }

  private static void assertSweep(JsonNode c, Sweep sweep) {
    JsonNode raw = c.get("raw_value");
    assertRawSweep(raw, sweep, "raw_value");
    if (c.has("sweep_error")) {
      assertThrows(ConfigException.class, () -> sweep.expand(null));
      return;
    }
    if (!c.has("sweep_values")) {
      return; // glob (needs a config group) and interval (not enumerable)
    }
    List<SweepItem> items = new ArrayList<>(sweep.expand(null));
    if (c.path("order_unspecified").asBoolean(false)) {
      items.sort(
          Comparator.comparing(
              SweepItem::text, Comparator.comparingDouble(text -> Double.parseDouble(text))));
    }
    JsonNode values = c.get("sweep_values");
    JsonNode strings = c.get("sweep_strings");
    assertEquals(values.size(), items.size(), "number of sweep values");
    for (int i = 0; i < items.size(); i++) {
      assertValue(values.get(i), items.get(i).value(), "sweep_values[" + i + "]");
      assertEquals(strings.get(i).textValue(), items.get(i).text(), "sweep_strings[" + i + "]");
    }
  }

  /** Checks a sweep against Hydra's encoding of the sweep object it built. */
  private static void assertRawSweep(JsonNode raw, OverrideValue value, String where) {
    if (!raw.isObject() || !raw.has("$sweep")) {
      Element element = assertInstanceOf(Element.class, value, where);
      assertValue(raw, element.value(), where);
      assertEquals(raw.has("$quoted"), element.isQuoted(), where + " quoted");
      return;
    }
    switch (raw.get("$sweep").textValue()) {
      case "choice" -> {
        ChoiceSweep choice = assertInstanceOf(ChoiceSweep.class, value, where);
        assertEquals(raw.get("simple_form").booleanValue(), choice.simpleForm(), where + " simple");
        assertEquals(raw.get("shuffle").booleanValue(), choice.shuffle(), where + " shuffle");
        assertStrings(raw.get("tags"), choice.tags(), where + " tags");
        assertEquals(raw.get("list").size(), choice.items().size(), where + " size");
        if (!choice.shuffle()) {
          for (int i = 0; i < choice.items().size(); i++) {
            assertRawSweep(raw.get("list").get(i), choice.items().get(i), where + "[" + i + "]");
          }
        }
      }
      case "range" -> {
        RangeSweep range = assertInstanceOf(RangeSweep.class, value, where);
        assertValue(raw.get("start"), range.start(), where + " start");
        assertValue(raw.get("stop"), range.stop(), where + " stop");
        assertValue(raw.get("step"), range.step(), where + " step");
        assertEquals(raw.get("shuffle").booleanValue(), range.shuffle(), where + " shuffle");
        assertStrings(raw.get("tags"), range.tags(), where + " tags");
      }
      case "interval" -> {
        IntervalSweep interval = assertInstanceOf(IntervalSweep.class, value, where);
        assertValue(raw.get("start"), interval.start(), where + " start");
        assertValue(raw.get("end"), interval.end(), where + " end");
        assertStrings(raw.get("tags"), interval.tags(), where + " tags");
      }
      case "glob" -> {
        GlobSweep glob = assertInstanceOf(GlobSweep.class, value, where);
        assertStrings(raw.get("include"), glob.include(), where + " include");
        assertStrings(raw.get("exclude"), glob.exclude(), where + " exclude");
      }
      default -> fail("unknown sweep kind in " + raw);
    }
  }

  private static void assertStrings(JsonNode expected, List<String> actual, String where) {
    List<String> want = new ArrayList<>();
    expected.forEach(n -> want.add(n.textValue()));
    assertEquals(want, actual, where);
  }
}
