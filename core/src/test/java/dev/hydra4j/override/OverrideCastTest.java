package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** int(), float(), str() and bool(), following the conversion matrix in Hydra's docs. */
class OverrideCastTest {

  private static Object value(String input) {
    return OverrideParser.parse(input).element().value();
  }

  private static void rejected(String input) {
    assertThrows(OverrideParseException.class, () -> OverrideParser.parse(input), input);
  }

  @Test
  void scalars() {
    assertEquals(3L, value("a=int(3.99)"));
    assertEquals(-3L, value("a=int(-3.99)"));
    assertEquals(3L, value("a=int(value=3.14)"));
    assertEquals(1L, value("a=int(true)"));
    assertEquals(7L, value("a=int(' 7 ')"));
    assertEquals(1000L, value("a=int('1_000')"));
    assertEquals(new BigInteger("100000000000000000000"), value("a=int(1e20)"));
    assertEquals(10.0, value("a=float(10)"));
    assertEquals(1000.0, value("a=float('1e3')"));
    assertEquals(Double.NEGATIVE_INFINITY, value("a=float('-Infinity')"));
    assertEquals("10", value("a=str(10)"));
    assertEquals("1000000.0", value("a=str(1e6)"));
    assertEquals("1e-05", value("a=str(0.00001)"));
    assertEquals("true", value("a=str(true)"));
    assertEquals(false, value("a=bool('FALSE')"));
    assertEquals(true, value("a=bool(nan)"));
    assertEquals(false, value("a=bool(0.0)"));
  }

  @Test
  void failedConversionsAreErrors() {
    rejected("a=int(inf)");
    rejected("a=int(nan)");
    rejected("a=int('')");
    rejected("a=int('10.0')");
    rejected("a=int(abc)");
    rejected("a=float('')");
    rejected("a=float(abc)");
    rejected("a=bool('10')");
    rejected("a=bool(yes)");
    rejected("a=str(null)");
    rejected("a=int(null)");
    rejected("a=int()");
    rejected("a=int(1,value=2)");
  }

  @Test
  void containersAreCastElementWiseAndKeysAreKept() {
    assertEquals(List.of(1.0, List.of(2.0)), value("a=float([1,[2]])"));
    assertEquals(List.of("1", "a"), value("a=str([1,a])"));
    assertEquals(Map.of("a", List.of(false, true)), value("a=bool({a:[0,1]})"));
    Map<?, ?> keyed = (Map<?, ?>) value("a=str({1:2})");
    assertEquals("2", keyed.get(1L));
    rejected("a=int([a,1])");
  }

  @Test
  void castResultsLoseTheirQuotes() {
    Element e = OverrideParser.parse("a=str('[1,2]')").element();
    assertEquals("[1,2]", e.value());
    assertEquals("\\[1\\,2\\]", e.canonical());
  }

  @Test
  void sweepsAreCastItemByItem() {
    ChoiceSweep choice = (ChoiceSweep) OverrideParser.parse("a=str(choice(1,a))").value();
    assertEquals(List.of(Element.of("1"), Element.of("a")), choice.items());
    ChoiceSweep simple = (ChoiceSweep) OverrideParser.parse("a=float(2,1)").value();
    assertEquals(ValueType.SIMPLE_CHOICE_SWEEP, simple.valueType());
    assertEquals(List.of(Element.of(2.0), Element.of(1.0)), simple.items());
    RangeSweep range = (RangeSweep) OverrideParser.parse("a=float(range(1,3))").value();
    assertEquals(List.of(1.0, 2.0), range.values());
    IntervalSweep interval =
        (IntervalSweep) OverrideParser.parse("a=int(interval(1.5,2.5))").value();
    assertEquals(1L, interval.start());
    assertEquals(2L, interval.end());
    rejected("a=str(range(1,3))");
    rejected("a=bool(interval(0,1))");
    rejected("a=int(glob(*))");
    // Like Hydra, a cast that zeroes the step parses; listing the jobs then fails.
    RangeSweep zeroStep = (RangeSweep) OverrideParser.parse("a=int(range(0,1,0.5))").value();
    assertEquals(0L, zeroStep.step());
    assertThrows(dev.hydra4j.config.ConfigException.class, () -> zeroStep.expand(null));
  }
}
