package dev.hydra4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.InterpolationException.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CycleTest {

  private static final String FILE = "conf/config.yaml";
  private final Tree t = new Tree(FILE);

  private InterpolationException cycle(ConfigMap root) {
    InterpolationException e =
        assertThrows(InterpolationException.class, () -> Tree.interpolator().resolveAll(root));
    assertEquals(Kind.CYCLE, e.kind(), e.getMessage());
    return e;
  }

  @Test
  void twoNodeCycleNamesEachStepWithItsOrigin() {
    InterpolationException e = cycle(t.map("a", t.at(1, "${b}"), "b", t.at(2, "x_${a}")));
    assertEquals("Interpolation cycle: a -> b -> a", e.getMessage());
    assertEquals("  a: ${b}  (" + FILE + ":1:1)\n  b: x_${a}  (" + FILE + ":2:1)", e.detail());
    assertEquals(Origin.ofFile(FILE, 1, 1), e.origin());
    assertEquals(ConfigPath.parse("a"), e.key());
    assertTrue(e.render().contains("a -> b -> a"));
    assertTrue(e.hint().contains("plain value"));
  }

  @Test
  void selfReference() {
    assertEquals("Interpolation cycle: a -> a", cycle(t.map("a", "${a}")).getMessage());
  }

  @Test
  void theCycleIsNamedFromWhereItCloses() {
    InterpolationException e = cycle(t.map("start", "${x}", "x", "${y}", "y", "${z}", "z", "${x}"));
    assertEquals("Interpolation cycle: x -> y -> z -> x", e.getMessage());
  }

  @Test
  void relativeAndNestedKeysCanCloseACycle() {
    assertEquals(
        "Interpolation cycle: s.a -> s.b -> s.a",
        cycle(t.map("s", t.map("a", "${.b}", "b", "${..s.a}"))).getMessage());
    assertEquals(
        "Interpolation cycle: k -> k",
        cycle(t.map("k", "${m.${k}}", "m", t.map("x", 1))).getMessage());
  }

  @Test
  void aNodeReferringToItsOwnContainer() {
    assertEquals(
        "Interpolation cycle: a -> a.b -> a", cycle(t.map("a", t.map("b", "${a}"))).getMessage());
  }

  @Test
  void aLookupThroughAnInterpolationThatLeadsBack() {
    InterpolationException e = cycle(t.map("a", "${b.x}", "b", "${a}"));
    assertEquals("Interpolation cycle: a -> b -> a", e.getMessage());
  }

  @Test
  void cyclesThroughResolvers() {
    assertEquals(
        "Interpolation cycle: a -> b -> a",
        cycle(t.map("a", "${oc.select:b,0}", "b", "${oc.decode:'${a}'}")).getMessage());
  }

  @Test
  void cyclesInsideTheHydraConfig() {
    Tree h = new Tree("hydra.yaml");
    ConfigMap hydra =
        h.map(
            "hydra",
            h.map(
                "job",
                h.map("name", "${hydra.run.dir}"),
                "run",
                h.map("dir", "${hydra:job.name}")));
    Interpolator interpolator =
        new Interpolator(
            Resolvers.builtIn(),
            InterpolationContext.of(Map.of(), Tree.NOW).withHydraConfig(hydra));
    InterpolationException e =
        assertThrows(
            InterpolationException.class,
            () -> interpolator.resolveAll(t.map("n", "${hydra:job.name}")));
    assertEquals(Kind.CYCLE, e.kind());
    assertEquals(
        "Interpolation cycle: hydra.job.name -> hydra.run.dir -> hydra.job.name", e.getMessage());
  }

  @Test
  void sharedReferencesAreNotCycles() {
    ConfigMap r =
        Tree.interpolator()
            .resolveAll(
                t.map(
                    "base",
                    1,
                    "a",
                    "${base}",
                    "b",
                    "${base}${a}",
                    "c",
                    t.map("x", "${a}", "y", "${..b}", "z", "${c.x}")));
    assertEquals("11", ((dev.hydra4j.config.ConfigValue) r.get("b")).value());
  }
}
