package dev.hydra4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.InterpolationException.Kind;
import org.junit.jupiter.api.Test;

/** Every error a user can cause: its kind, where it points, and the fix it suggests. */
class InterpolationErrorsTest {

  private static final String FILE = "conf/config.yaml";
  private final Tree t = new Tree(FILE);

  private InterpolationException fails(ConfigMap root) {
    return assertThrows(InterpolationException.class, () -> Tree.interpolator().resolveAll(root));
  }

  private static void contains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text != null && text.contains(part), "'" + part + "' not in: " + text);
    }
  }

  @Test
  void keyNotFoundSuggestsTheClosestSibling() {
    InterpolationException e =
        fails(
            t.map(
                "training",
                t.map("lr", 0.1, "epochs", 3),
                "model",
                t.map("lr", t.at(7, "${training.lrr}"))));
    assertEquals(Kind.KEY_NOT_FOUND, e.kind());
    assertEquals(Origin.ofFile(FILE, 7, 1), e.origin());
    assertEquals(ConfigPath.parse("model.lr"), e.key());
    contains(e.getMessage(), "'training.lrr' not found", "'${training.lrr}'", "key 'model.lr'");
    assertEquals("did you mean 'training.lr'?", e.hint());
  }

  @Test
  void doublingValuesStopAtTheLengthLimit() {
    Object[] entries = new Object[2 * 41];
    entries[0] = "x0";
    entries[1] = "ab";
    for (int i = 1; i <= 40; i++) {
      entries[2 * i] = "x" + i;
      entries[2 * i + 1] = t.at(i + 1, "${x" + (i - 1) + "}${x" + (i - 1) + "}");
    }
    InterpolationException e = fails(t.map(entries));
    assertEquals(Kind.TOO_LONG, e.kind());
    // 2 * 2^19 characters is the first value past the limit of 1,000,000.
    assertEquals(ConfigPath.parse("x19"), e.key());
    assertEquals(Origin.ofFile(FILE, 20, 1), e.origin());
    contains(e.getMessage(), "longer than 1000000 characters");
  }

  @Test
  void doublingListsStopAtTheNodeLimit() {
    Object[] entries = new Object[2 * 41];
    entries[0] = "x0";
    entries[1] = t.list("a", "b");
    for (int i = 1; i <= 40; i++) {
      entries[2 * i] = "x" + i;
      entries[2 * i + 1] = t.list("${x" + (i - 1) + "}", "${x" + (i - 1) + "}");
    }
    InterpolationException e = fails(t.map(entries));
    assertEquals(Kind.TOO_LONG, e.kind());
    // x19 repeats x0 2^19 times: 2^21 - 1 nodes, the first past 2,000,000.
    assertEquals(ConfigPath.parse("x19"), e.key());
    contains(e.getMessage(), "has 2097151 nodes", "limit of 2000000");
  }

  @Test
  void keyNotFoundCompletesAMisspeltParent() {
    InterpolationException e = fails(t.map("training", t.map("lr", 0.1), "a", "${trainig.lr}"));
    assertEquals("did you mean 'training.lr'?", e.hint());
  }

  @Test
  void keyNotFoundPointsOutARelativeSibling() {
    InterpolationException e = fails(t.map("nested", t.map("v", 1, "w", "${v}")));
    contains(e.hint(), "${.v}");
  }

  @Test
  void keyNotFoundListsTheKeysWhenNothingIsClose() {
    InterpolationException e = fails(t.map("a", 1, "b", 2, "c", "${zzzzzz}"));
    contains(e.hint(), "keys at the root: a, b, c");
  }

  @Test
  void goldenMissingKeyCase() {
    // compose-interp-missing-key-unresolved: Hydra says "Interpolation key 'nope' not found".
    InterpolationException e = fails(t.map("a", "${nope}", "b", 1));
    contains(e.getMessage(), "Interpolation key 'nope' not found");
    assertEquals(ConfigPath.parse("a"), e.key());
  }

  @Test
  void tooManyDotsClimbAboveTheRoot() {
    InterpolationException e = fails(t.map("a", t.map("b", "${...x}"), "x", 1));
    assertEquals(Kind.KEY_NOT_FOUND, e.kind());
    contains(e.hint(), "above the root");
  }

  @Test
  void indexingAValueOrAListWrongly() {
    InterpolationException scalar = fails(t.map("a", 1, "b", "${a.x}"));
    contains(scalar.hint(), "'a' is the value 1");
    InterpolationException list = fails(t.map("l", t.list(1, 2), "b", "${l[5]}"));
    contains(list.hint(), "'l' is a list of 2 items");
  }

  @Test
  void missingValueNamesTheKeyAndWhereItWasLeftOpen() {
    InterpolationException e =
        fails(t.map("db", t.map("password", t.at(3, "???")), "url", t.at(5, "pw=${db.password}")));
    assertEquals(Kind.MISSING_VALUE, e.kind());
    assertEquals(Origin.ofFile(FILE, 5, 1), e.origin());
    contains(e.getMessage(), "missing mandatory value", "'db.password'", FILE + ":3:1");
    contains(e.hint(), "db.password=");
  }

  @Test
  void walkingThroughAMissingValueIsAMissingValue() {
    InterpolationException e = fails(t.map("m", "???", "a", "${m.x}"));
    assertEquals(Kind.MISSING_VALUE, e.kind());
  }

  @Test
  void unknownResolverListsTheRegisteredOnes() {
    InterpolationException e = fails(t.map("a", t.at(2, "${oc.envv:HOME}")));
    assertEquals(Kind.UNKNOWN_RESOLVER, e.kind());
    assertEquals(Origin.ofFile(FILE, 2, 1), e.origin());
    contains(e.getMessage(), "'oc.envv'");
    contains(e.hint(), "did you mean 'oc.env'?", "oc.select", "now", "hydra");
  }

  @Test
  void unsetEnvironmentVariableWithoutDefault() {
    InterpolationException e = fails(t.map("a", t.at(4, "${oc.env:SURELY_UNSET_VAR}")));
    assertEquals(Kind.RESOLVER_FAILED, e.kind());
    assertEquals(Origin.ofFile(FILE, 4, 1), e.origin());
    contains(e.getMessage(), "oc.env", "SURELY_UNSET_VAR", "not set");
    contains(e.hint(), "export SURELY_UNSET_VAR=", "${oc.env:SURELY_UNSET_VAR,default}");
  }

  @Test
  void aResolverThatThrowsIsReportedWithItsMessage() {
    Interpolator custom =
        new Interpolator(
            Resolvers.builtIn()
                .with(
                    "boom",
                    (args, ctx) -> {
                      throw new IllegalStateException("no network");
                    })
                .with("odd", (args, ctx) -> new Object()),
            Tree.interpolator().context());
    InterpolationException e =
        assertThrows(InterpolationException.class, () -> custom.resolveAll(t.map("a", "${boom:}")));
    assertEquals(Kind.RESOLVER_FAILED, e.kind());
    contains(e.getMessage(), "'boom'", "no network");
    InterpolationException odd =
        assertThrows(InterpolationException.class, () -> custom.resolveAll(t.map("a", "${odd:}")));
    contains(odd.getMessage(), "java.lang.Object");
  }

  @Test
  void malformedInterpolationShowsWhereWithACaret() {
    InterpolationException e = fails(t.map("a", t.at(6, "x ${b")));
    assertEquals(Kind.SYNTAX, e.kind());
    assertEquals(Origin.ofFile(FILE, 6, 1), e.origin());
    contains(e.getMessage(), "Malformed interpolation", "key 'a'");
    assertEquals("    x ${b\n         ^\n  at " + FILE + ":6:1", e.detail());
    contains(e.hint(), "\\${");
    contains(e.render(), "^", FILE + ":6:1");
  }

  @Test
  void unquotedSpecialCharactersAskForQuotes() {
    InterpolationException e = fails(t.map("a", "${oc.env:X,a=b}"));
    assertEquals(Kind.SYNTAX, e.kind());
    contains(e.getMessage(), "'='", "unquoted");
    contains(e.hint(), "quotes");
  }

  @Test
  void commandWordErrorsNameTheWord() {
    InterpolationException e =
        assertThrows(
            InterpolationException.class,
            () ->
                Tree.interpolator()
                    .resolveString(
                        "--lr=${training.lrr}",
                        t.map("training", t.map("lr", 1)),
                        Origin.of("task word 2")));
    assertNull(e.key());
    assertEquals(Origin.of("task word 2"), e.origin());
    contains(e.getMessage(), "in '--lr=${training.lrr}'");
    assertEquals("did you mean 'training.lr'?", e.hint());
  }

  @Test
  void resolvingAnAbsentPathIsKeyNotFound() {
    InterpolationException e =
        assertThrows(
            InterpolationException.class,
            () -> Tree.interpolator().resolve(t.map("a", 1), ConfigPath.parse("b.c")));
    assertEquals(Kind.KEY_NOT_FOUND, e.kind());
  }

  @Test
  void anErrorDeepInAChainNamesTheNodeThatHoldsTheBadInterpolation() {
    InterpolationException e = fails(t.map("a", "${b}", "b", "${c}", "c", t.at(9, "${nope}")));
    assertEquals(ConfigPath.parse("c"), e.key());
    assertEquals(Origin.ofFile(FILE, 9, 1), e.origin());
  }
}
