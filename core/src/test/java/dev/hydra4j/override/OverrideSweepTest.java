package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverrideSweepTest {

  private static final List<String> DB_OPTIONS = List.of("mysql", "postgresql", "sqlite");

  private static ParsedOverride parse(String input) {
    return OverrideParser.parse(input);
  }

  private static List<String> texts(String input) {
    ParsedOverride o = parse(input);
    List<String> out = new ArrayList<>();
    for (SweepItem item : o.expand(DB_OPTIONS)) {
      out.add(o.jobOverride(item));
    }
    return out;
  }

  @Test
  void jobOverridesKeepPrefixAndPackage() {
    assertEquals(List.of("lr=0.1", "lr=0.01"), texts("lr=0.1,0.01"));
    assertEquals(List.of("+db=a", "+db=b"), texts("+db=a,b"));
    assertEquals(List.of("db@pkg=x", "db@pkg=y"), texts("db@pkg=x,y"));
    assertEquals(List.of("~db=a"), texts("~db=choice(a)"));
    assertEquals(List.of("lr=0.5"), texts("lr=0.5"));
  }

  @Test
  void jobTextsAreHydrasCanonicalText() {
    // From sweeps.json: sweep-choice-fn-and-quoted and sweep-list-values.
    assertEquals(
        List.of("name=a\\ b", "name=c\\,d", "name=plain"), texts("name=choice('a b','c,d',plain)"));
    assertEquals(List.of("+l=[1,2]", "+l=[3,4]"), texts("+l=[1,2],[3,4]"));
    assertEquals(List.of("a='x'", "a=y"), texts("a='x',y"));
    assertEquals(List.of("f=True", "f=False"), texts("f=true,false"));
    assertEquals(List.of("seed=3", "seed=2", "seed=1"), texts("seed=sort(3,1,2,reverse=true)"));
  }

  @Test
  void sweepValuesAreTyped() {
    List<SweepItem> items = parse("a=1,1.0,'1',x,null").expand(null);
    assertEquals(1L, items.get(0).value());
    assertEquals(1.0, items.get(1).value());
    assertEquals("1", items.get(2).value());
    assertEquals("x", items.get(3).value());
    assertEquals(null, items.get(4).value());
  }

  @Test
  void globFiltersGroupOptionsInTheirOrder() {
    assertEquals(List.of("db=mysql", "db=postgresql", "db=sqlite"), texts("db=glob(*)"));
    assertEquals(List.of("db=postgresql", "db=sqlite"), texts("db=glob(*,exclude=my*)"));
    assertEquals(List.of("db=postgresql"), texts("db=glob([p*,s*],exclude=[s?lite])"));
    assertEquals(List.of("db=mysql"), texts("db=glob(include=['[lm]*'])"));
    GlobSweep glob = (GlobSweep) parse("db=glob(*)").value();
    assertThrows(ConfigException.class, () -> glob.expand(null));
  }

  @Test
  void rangesOfIntsAndFloats() {
    assertEquals(List.of(0L, 1L, 2L), ((RangeSweep) parse("a=range(3)").value()).values());
    assertEquals(
        List.of(10L, 7L, 4L, 1L), ((RangeSweep) parse("a=range(10,0,-3)").value()).values());
    assertEquals(
        List.of(0.0, 3.3, 6.6, 9.9), ((RangeSweep) parse("a=range(0,10,3.3)").value()).values());
    assertEquals(
        List.of(0L, -1L, -2L, -3L, -4L),
        ((RangeSweep) parse("a=range(-5,step=-1)").value()).values());
    assertEquals(
        List.of("a=0.1", "a=0.2", "a=0.30000000000000004", "a=0.4"), texts("a=range(0.1,0.5,0.1)"));
    RangeSweep big = (RangeSweep) parse("a=range(0,1000000000000)").value();
    assertEquals(1_000_000_000_000L, big.size());
    assertEquals(999_999_999_999L, big.get(big.size() - 1));
  }

  @Test
  void sortingARangeKeepsItsElements() {
    // A descending range whose span is not a multiple of the step.
    RangeSweep sorted = (RangeSweep) parse("a=sort(range(10,0,-3))").value();
    assertEquals(List.of(1L, 4L, 7L, 10L), sorted.values());
    RangeSweep back = (RangeSweep) parse("a=sort(range(1,11,3),reverse=true)").value();
    assertEquals(List.of(10L, 7L, 4L, 1L), back.values());
  }

  @Test
  void shuffleIsReproducibleWithASeededRandom() {
    Sweep sweep = (Sweep) parse("a=shuffle(range(0,50))").value();
    List<SweepItem> first = sweep.expand(null, new Random(7));
    assertEquals(first, sweep.expand(null, new Random(7)));
    assertNotEquals(sweep.expand(null, new Random(1)), first);
    List<Object> values = new ArrayList<>();
    first.forEach(i -> values.add(i.value()));
    values.sort(null);
    assertEquals(((RangeSweep) parse("a=range(0,50)").value()).values(), values);
  }

  @Test
  void tagsAndNestedSweeps() {
    ChoiceSweep tagged = (ChoiceSweep) parse("a=tag(log,fast,choice(1,2))").value();
    assertEquals(List.of("log", "fast"), tagged.tags());
    assertFalse(tagged.simpleForm());
    ChoiceSweep nested = (ChoiceSweep) parse("a=choice(a,b),c").value();
    assertTrue(nested.items().get(0) instanceof ChoiceSweep);
    assertThrows(ConfigException.class, () -> nested.expand(null));
    ParsedOverride interval = parse("a=interval(0,1)");
    ConfigException e = assertThrows(ConfigException.class, () -> interval.expand(null));
    assertTrue(e.getMessage().contains("a=interval(0,1)"), e.getMessage());
  }

  @Test
  void sortAndShuffleOfListsAndSingleValues() {
    assertEquals(List.of(1L, 2L, 3L), parse("a=sort([3,1,2])").element().value());
    assertEquals(List.of("b", "a"), parse("a=sort(list=[a,b],reverse=true)").element().value());
    assertEquals(5L, parse("a=sort(5)").element().value());
    List<?> shuffled = (List<?>) parse("a=shuffle(list=[1,2,3])").element().value();
    assertEquals(3, shuffled.size());
    ChoiceSweep sorted = (ChoiceSweep) parse("a=sort(choice(b,a,c))").value();
    assertEquals(ValueType.CHOICE_SWEEP, sorted.valueType());
    assertEquals(List.of(Element.of("a"), Element.of("b"), Element.of("c")), sorted.items());
  }
}
