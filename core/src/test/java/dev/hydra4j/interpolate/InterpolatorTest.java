package dev.hydra4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

  private final Tree t = new Tree();
  private final Interpolator interpolator = Tree.interpolator();

  private Object value(ConfigMap resolved, String key) {
    ConfigNode node = ConfigTree.select(resolved, ConfigPath.parse(key));
    return assertInstanceOf(ConfigValue.class, node, key).value();
  }

  @Test
  void aWholeInterpolationKeepsTheReferencedType() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "i",
                3,
                "f",
                0.5,
                "b",
                true,
                "n",
                null,
                "big",
                new BigInteger("123456789012345678901234"),
                "ri",
                "${i}",
                "rf",
                "${f}",
                "rb",
                "${b}",
                "rn",
                "${n}",
                "rbig",
                "${big}"));
    assertEquals(3L, value(r, "ri"));
    assertEquals(0.5, value(r, "rf"));
    assertEquals(true, value(r, "rb"));
    assertEquals(null, value(r, "rn"));
    assertEquals(new BigInteger("123456789012345678901234"), value(r, "rbig"));
  }

  @Test
  void stringInterpolationConvertsLikePythonStr() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "i",
                3,
                "f",
                1e-5,
                "g",
                100.0,
                "b",
                false,
                "n",
                null,
                "s",
                "i=${i} f=${f} g=${g} b=${b} n=${n}",
                "padded",
                " ${i}"));
    assertEquals("i=3 f=1e-05 g=100.0 b=False n=None", value(r, "s"));
    assertEquals(" 3", value(r, "padded"), "anything around the ${} makes a string");
  }

  @Test
  void containersInAStringPrintAsPythonWould() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "d", t.map("a", 1, "b", "x", "c", t.list(true, null, 0.1, "it's")), "s", "d=${d}"));
    assertEquals("d={'a': 1, 'b': 'x', 'c': [True, None, 0.1, \"it's\"]}", value(r, "s"));
  }

  @Test
  void referencesToReferencesResolveAllTheWay() {
    ConfigMap r =
        interpolator.resolveAll(t.map("a", "${b}", "b", "${c}", "c", "${d.e}", "d", t.map("e", 7)));
    assertEquals(7L, value(r, "a"));
  }

  @Test
  void listIndexBothWays() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "l",
                t.list("x", t.map("k", "y")),
                "dot",
                "${l.0}",
                "bracket",
                "${l[1].k}",
                "brackets",
                "${l[1][k]}",
                "last",
                "${l[-2]}"));
    assertEquals("x", value(r, "dot"));
    assertEquals("y", value(r, "bracket"));
    assertEquals("y", value(r, "brackets"));
    assertEquals("x", value(r, "last"));
  }

  @Test
  void relativeReferencesStartAtTheContainerOfTheNode() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "x", "top",
                "a",
                    t.map(
                        "x",
                        "mid",
                        "sib",
                        "${.x}",
                        "b",
                        t.map("x", "low", "up", "${..x}", "top", "${...x}")),
                "l", t.list(10, "${.0}")));
    assertEquals("mid", value(r, "a.sib"));
    assertEquals("mid", value(r, "a.b.up"));
    assertEquals("top", value(r, "a.b.top"));
    assertEquals(10L, value(r, "l.1"));
  }

  @Test
  void nestedInterpolationsPickTheKey() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "plans",
                t.map("A", "plan A", "B", "plan B"),
                "selected",
                "B",
                "plan",
                "${plans.${selected}}",
                "i",
                1,
                "l",
                t.list("a", "b"),
                "pick",
                "${l[${i}]}"));
    assertEquals("plan B", value(r, "plan"));
    assertEquals("b", value(r, "pick"));
  }

  @Test
  void aMappingReferenceIsAResolvedMappingWithItsOwnRelativeMeaning() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "john",
                t.map("height", 180, "tall", "${.height}"),
                "player",
                "${john}",
                "h",
                "${player.height}",
                "t",
                "${player.tall}"));
    ConfigMap player = assertInstanceOf(ConfigMap.class, r.get("player"));
    assertEquals(180L, value(player, "tall"), "${.height} means john.height even through player");
    assertEquals(180L, value(r, "h"));
    assertEquals(180L, value(r, "t"));
  }

  @Test
  void escapedInterpolationsBecomeLiteralAndAreNotResolvedAgain() {
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "dir",
                "tmp",
                "esc",
                "\\${dir}",
                "win",
                "C:\\\\${dir}",
                "lone",
                "C:\\foo_${dir}",
                "double",
                "C:\\\\foo_${dir}",
                "ref",
                "${esc}",
                "str",
                "x_${esc}"));
    assertEquals("${dir}", value(r, "esc"));
    assertEquals("C:\\tmp", value(r, "win"));
    assertEquals("C:\\foo_tmp", value(r, "lone"));
    assertEquals("C:\\\\foo_tmp", value(r, "double"), "backslashes not before ${ are kept as is");
    assertEquals("${dir}", value(r, "ref"), "OmegaConf never re-parses a resolved string");
    assertEquals("x_${dir}", value(r, "str"));
  }

  @Test
  void resolverResultsAreNotResolvedAgain() {
    Interpolator custom =
        new Interpolator(
            Resolvers.builtIn().with("make", (args, ctx) -> "${x}"), Tree.interpolator().context());
    ConfigMap r = custom.resolveAll(t.map("x", 1, "a", "${make:}"));
    assertEquals("${x}", value(r, "a"));
  }

  @Test
  void unreferencedMissingValuesStayMissing() {
    ConfigMap r = interpolator.resolveAll(t.map("m", "???", "a", 1, "s", t.map("m", "???")));
    assertTrue(r.get("m").isMissing());
    assertTrue(ConfigTree.select(r, ConfigPath.parse("s.m")).isMissing());
  }

  @Test
  void aConfigWithoutInterpolationsComesBackAsIs() {
    ConfigMap root = t.map("a", 1, "b", t.map("c", t.list(1, 2)));
    assertSame(root, interpolator.resolveAll(root));
  }

  @Test
  void originsAreKeptAndReplacedNodesPointAtTheInterpolation() {
    ConfigMap root =
        t.map(
            "a",
            t.at(1, 5),
            "b",
            t.at(2, "${a}"),
            "c",
            t.at(3, "x${a}"),
            "d",
            t.map("k", t.at(9, 1)),
            "e",
            t.at(4, "${d}"));
    ConfigMap r = interpolator.resolveAll(root);
    assertEquals(Origin.ofFile("conf/config.yaml", 1, 1), r.get("a").origin());
    assertEquals(Origin.ofFile("conf/config.yaml", 2, 1), r.get("b").origin());
    assertEquals(Origin.ofFile("conf/config.yaml", 3, 1), r.get("c").origin());
    ConfigMap e = assertInstanceOf(ConfigMap.class, r.get("e"));
    assertEquals(Origin.ofFile("conf/config.yaml", 4, 1), e.origin());
    assertEquals(
        Origin.ofFile("conf/config.yaml", 9, 1), e.get("k").origin(), "children keep theirs");
  }

  @Test
  void resolveOneNode() {
    ConfigMap root =
        t.map(
            "a",
            t.map("b", "${c}", "bad", "${nope}"),
            "c",
            t.list(1, "${d}"),
            "d",
            2,
            "alias",
            "${a}",
            "m",
            "???");
    assertEquals(new ConfigValue(2L, null), interpolator.resolve(root, ConfigPath.parse("c.1")));
    ConfigList list =
        assertInstanceOf(ConfigList.class, interpolator.resolve(root, ConfigPath.parse("a.b")));
    assertEquals(2L, ((ConfigValue) list.get(1)).value());
    assertEquals(
        2L,
        ((ConfigValue) interpolator.resolve(root, ConfigPath.parse("alias.b.1"))).value(),
        "a path may pass through an interpolation");
    assertTrue(interpolator.resolve(root, ConfigPath.parse("m")).isMissing());
  }

  @Test
  void commandWordsAreStrings() {
    ConfigMap root = t.map("training", t.map("lr", 0.001, "flag", true), "name", "exp");
    assertEquals("--lr=0.001", interpolator.resolveString("--lr=${training.lr}", root));
    assertEquals("True", interpolator.resolveString("${training.flag}", root));
    assertEquals("plain", interpolator.resolveString("plain", root));
    assertEquals("${name}", interpolator.resolveString("\\${name}", root));
    assertEquals(
        "exp", interpolator.resolveString("${.name}", root), "relative words start at the root");
    assertEquals("$(rm -rf ~) exp", interpolator.resolveString("$(rm -rf ~) ${name}", root));
  }

  @Test
  void customResolversGetTypedArgumentsAndContext() {
    Resolvers resolvers =
        Resolvers.builtIn()
            .with("sum", (args, ctx) -> (Long) args.get(0) + (Long) args.get(1))
            .with(
                "describe",
                (args, ctx) -> args.toString() + "@" + ctx.key() + "/" + ctx.resolverName())
            .with("stats", (args, ctx) -> java.util.Map.of("n", args.size()));
    Interpolator custom = new Interpolator(resolvers, Tree.interpolator().context());
    ConfigMap r =
        custom.resolveAll(
            t.map(
                "a",
                1,
                "b",
                2,
                "s",
                "${sum:${a},${b}}",
                "node",
                t.map("d", "${describe:1, x y , 'q', [1, {k: v}], null}"),
                "st",
                "${stats:1,2,3}",
                "inline",
                "${sum:1,2}"));
    assertEquals(3L, value(r, "s"));
    assertEquals("[1, x y, q, [1, {k=v}], null]@node.d/describe", value(r, "node.d"));
    assertEquals(3L, value(r, "st.n"), "a returned map becomes a mapping node");
    assertEquals(3L, value(r, "inline"));
  }

  @Test
  void quotedArgumentsAreStringsAfterResolution() {
    Interpolator custom =
        new Interpolator(
            Resolvers.builtIn().with("id", (args, ctx) -> args.get(0)),
            Tree.interpolator().context());
    ConfigMap r =
        custom.resolveAll(
            t.map(
                "n",
                null,
                "i",
                3,
                "quoted",
                "${id:'${n}'}",
                "typed",
                "${id:${i}}",
                "mixed",
                "${id:x${i}}",
                "esc",
                "${id:'x is \\${i}'}",
                "empty",
                "${oc.env:UNSET_FOR_SURE,}"));
    assertEquals("None", value(r, "quoted"));
    assertEquals(3L, value(r, "typed"));
    assertEquals("x3", value(r, "mixed"));
    assertEquals("x is ${i}", value(r, "esc"));
    assertEquals("", value(r, "empty"));
  }

  @Test
  void resolverNamesMayBeInterpolated() {
    Interpolator custom =
        new Interpolator(
            Resolvers.builtIn().with("mylib.plus1", (args, ctx) -> (Long) args.get(0) + 1),
            Tree.interpolator().context());
    ConfigMap r = custom.resolveAll(t.map("func", "plus1", "x", "${mylib.${func}:3}"));
    assertEquals(4L, value(r, "x"));
  }

  @Test
  void aNodeReferencedManyTimesIsResolvedOnce() {
    int[] calls = {0};
    Interpolator counting =
        new Interpolator(
            Resolvers.builtIn().with("count", (args, ctx) -> ++calls[0]),
            Tree.interpolator().context());
    ConfigMap r = counting.resolveAll(t.map("c", "${count:}", "a", "${c}", "b", "${c}_${c}"));
    assertEquals(1, calls[0]);
    assertEquals("1_1", value(r, "b"));
  }

  @Test
  void eachDistinctStringIsParsedOnce() {
    String key = "k" + System.nanoTime();
    ConfigMap root = t.map(key, "v", "a", "${" + key + "}/a", "b", "${" + key + "}/b");
    long before = TemplateCache.SHARED.parses();
    for (int job = 0; job < 1000; job++) {
      interpolator.resolveAll(root);
    }
    assertEquals(2, TemplateCache.SHARED.parses() - before);
  }
}
