package dev.hydra4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.interpolate.InterpolationException.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInResolversTest {

  private final Tree t = new Tree();

  private static Object value(ConfigNode resolved, String key) {
    ConfigNode node = ConfigTree.select(resolved, ConfigPath.parse(key));
    return assertInstanceOf(ConfigValue.class, node, key).value();
  }

  private ConfigMap resolve(Map<String, String> env, ConfigMap root) {
    return Tree.interpolator(env).resolveAll(root);
  }

  @Test
  void envGivesStringsAndDefaultsAsPythonStr() {
    ConfigMap r =
        resolve(
            Map.of("USER", "omry", "PORT", "3308"),
            t.map(
                "user",
                "${oc.env:USER}",
                "port",
                "${oc.env:PORT}",
                "p1",
                "${oc.env:DB_PASSWORD,password}",
                "p2",
                "${oc.env:DB_PASSWORD,12345}",
                "p3",
                "${oc.env:DB_PASSWORD,null}",
                "p4",
                "${oc.env:DB_PASSWORD,true}",
                "p5",
                "${oc.env:DB_PASSWORD,'12345'}",
                "p6",
                "${oc.env:DB_PASSWORD,1.50}",
                "p7",
                "${oc.env:DB_PASSWORD,[a, 1]}"));
    assertEquals("omry", value(r, "user"));
    assertEquals("3308", value(r, "port"), "an environment value is a string");
    assertEquals("password", value(r, "p1"));
    assertEquals("12345", value(r, "p2"));
    assertEquals(null, value(r, "p3"));
    assertEquals("True", value(r, "p4"));
    assertEquals("12345", value(r, "p5"));
    assertEquals("1.5", value(r, "p6"));
    assertEquals("['a', 1]", value(r, "p7"));
  }

  @Test
  void goldenEnvDefaultCase() {
    // compose-interp-oc-env-default
    ConfigMap r =
        resolve(
            Map.of(),
            t.map(
                "v", "${oc.env:HYDRA_CONFORMANCE_SURELY_UNSET,fallback}",
                "n", "${oc.env:HYDRA_CONFORMANCE_SURELY_UNSET,null}"));
    assertEquals("fallback", value(r, "v"));
    assertEquals(null, value(r, "n"));
  }

  @Test
  void selectFallsBackToTheDefault() {
    ConfigMap r =
        resolve(
            Map.of(),
            t.map(
                "a",
                1,
                "m",
                "???",
                "n",
                t.map("x", 5, "rel", "${oc.select:.x,0}"),
                "b",
                "${oc.select:a,0}",
                "c",
                "${oc.select:zz,default}",
                "d",
                "${oc.select:m,9}",
                "e",
                "${oc.select:zz}",
                "f",
                "${oc.select: n , 0}"));
    assertEquals(1L, value(r, "b"));
    assertEquals("default", value(r, "c"));
    assertEquals(9L, value(r, "d"), "a missing value selects the default");
    assertEquals(null, value(r, "e"));
    assertEquals(5L, value(r, "n.rel"), "keys are relative to the node holding the call");
    assertInstanceOf(ConfigMap.class, ConfigTree.select(r, ConfigPath.parse("f")));
  }

  @Test
  void decodeTypesStringsWithTheGrammar() {
    ConfigMap r =
        resolve(
            Map.of(
                "DB_PORT",
                "3308",
                "DB_NODES",
                "[host1, host2, host3]",
                "CFG",
                "{a: 1, b: [x]}",
                "DB_TIMEOUT",
                "${.port}",
                "RATE",
                "1e-3"),
            t.map(
                "database",
                t.map(
                    "port", "${oc.decode:${oc.env:DB_PORT}}",
                    "nodes", "${oc.decode:${oc.env:DB_NODES}}",
                    "timeout", "${oc.decode:${oc.env:DB_TIMEOUT}}",
                    "none", "${oc.decode:${oc.env:NOPE,null}}",
                    "cfg", "${oc.decode:${oc.env:CFG}}",
                    "rate", "${oc.decode:${oc.env:RATE}}",
                    "quoted", "${oc.decode:\"'Hello, world!'\"}")));
    assertEquals(3308L, value(r, "database.port"));
    ConfigList nodes =
        assertInstanceOf(
            ConfigList.class, ConfigTree.select(r, ConfigPath.parse("database.nodes")));
    assertEquals(
        List.of("host1", "host2", "host3"),
        nodes.items().stream().map(n -> ((ConfigValue) n).value()).toList());
    assertEquals(
        3308L, value(r, "database.timeout"), "a decoded interpolation is resolved in place");
    assertEquals(null, value(r, "database.none"));
    assertEquals(1L, value(r, "database.cfg.a"));
    assertEquals(0.001, value(r, "database.rate"));
    assertEquals("Hello, world!", value(r, "database.quoted"));
  }

  @Test
  void decodeRejectsNonStrings() {
    InterpolationException e =
        assertThrows(
            InterpolationException.class, () -> resolve(Map.of(), t.map("a", "${oc.decode:1}")));
    assertEquals(Kind.RESOLVER_FAILED, e.kind());
  }

  @Test
  void createMakesNodes() {
    ConfigMap r =
        resolve(
            Map.of("MODEL", "{name: my_model, layer_size: [100, 200]}"),
            t.map(
                "model",
                "${oc.create:${oc.decode:${oc.env:MODEL}}}",
                "inline",
                "${oc.create:{a: ${x}, b: [1]}}",
                "x",
                7,
                "from_string",
                "${oc.create:'[1, 2]'}"));
    assertEquals(200L, value(r, "model.layer_size.1"));
    assertEquals(7L, value(r, "inline.a"));
    assertEquals(2L, value(r, "from_string.1"));
    assertThrows(
        InterpolationException.class, () -> resolve(Map.of(), t.map("a", "${oc.create:3}")));
  }

  @Test
  void dictKeysAndValues() {
    ConfigMap r =
        resolve(
            Map.of(),
            t.map(
                "workers",
                t.map("node3", "10.0.0.2", "node7", "${ip}"),
                "ip",
                "10.0.0.9",
                "nodes",
                "${oc.dict.keys: workers}",
                "ips",
                "${oc.dict.values:workers}"));
    ConfigList nodes = assertInstanceOf(ConfigList.class, r.get("nodes"));
    assertEquals(
        List.of("node3", "node7"),
        nodes.items().stream().map(n -> ((ConfigValue) n).value()).toList());
    assertEquals("10.0.0.9", value(r, "ips.1"));
    InterpolationException e =
        assertThrows(
            InterpolationException.class,
            () -> resolve(Map.of(), t.map("ip", 1, "k", "${oc.dict.keys:ip}")));
    assertTrue(e.getMessage().contains("not a mapping"), e.getMessage());
  }

  @Test
  void nowFormatsTheRunInstant() {
    ConfigMap r =
        resolve(
            Map.of(),
            t.map(
                "dir",
                "outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}",
                "stamp",
                "${now:%Y-%m-%d_%H-%M-%S}"));
    assertEquals("outputs/2024-03-05/14-07-09", value(r, "dir"));
    assertEquals("2024-03-05_14-07-09", value(r, "stamp"));
  }

  @Test
  void everyNowInARunAgreesEvenWhenTheClockMoves() {
    long[] millis = {1_700_000_000_000L};
    Clock ticking = utcClock(() -> Instant.ofEpochMilli(millis[0] += 1500));
    Interpolator interpolator =
        new Interpolator(
            Resolvers.builtIn(), InterpolationContext.of(Map.of(), Tree.NOW).withClock(ticking));
    ConfigMap root = t.map("a", "${now:'%H:%M:%S.%f'}", "b", "${now:%S.%f}");
    ConfigMap first = interpolator.resolveAll(root);
    ConfigMap second = interpolator.resolveAll(root);
    assertEquals(value(first, "a"), value(second, "a"));
    assertTrue(((String) value(first, "a")).endsWith((String) value(first, "b")));
  }

  /** A clock in UTC whose instants come from {@code instants}. */
  private static Clock utcClock(java.util.function.Supplier<Instant> instants) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneId.of("UTC");
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return instants.get();
      }
    };
  }

  /** A config without ${now:} never reads the clock (loading time zones costs start-up). */
  @Test
  void theClockIsReadOnlyForNow() {
    int[] reads = {0};
    Clock counting =
        utcClock(
            () -> {
              reads[0]++;
              return Instant.ofEpochMilli(1_700_000_000_000L);
            });
    Interpolator interpolator =
        new Interpolator(
            Resolvers.builtIn(), InterpolationContext.of(Map.of(), Tree.NOW).withClock(counting));
    interpolator.resolveAll(t.map("a", "${b}", "b", 1));
    assertEquals(0, reads[0]);
    interpolator.resolveAll(t.map("day", "${now:%Y-%m-%d}", "again", "${now:%H}"));
    assertEquals(1, reads[0]);
  }

  @Test
  void hydraReadsTheHydraConfigAndResolvesItThere() {
    Tree h = new Tree("hydra/config.yaml");
    ConfigMap hydraRoot =
        h.map(
            "hydra",
            h.map(
                "runtime", h.map("cwd", "/work/project", "output_dir", "${hydra.run.dir}"),
                "run", h.map("dir", "outputs/${now:%Y-%m-%d}/${hydra.job.name}"),
                "job", h.map("name", "${task}", "num", 3)),
            "task",
            "train");
    Interpolator interpolator =
        new Interpolator(
            Resolvers.builtIn(),
            InterpolationContext.of(Map.of(), Tree.NOW).withHydraConfig(hydraRoot));
    ConfigMap r =
        interpolator.resolveAll(
            t.map(
                "cwd",
                "${hydra:runtime.cwd}",
                "out",
                "${hydra:runtime.output_dir}/model.pt",
                "num",
                "${hydra:job.num}",
                "job",
                "${hydra:job}"));
    assertEquals("/work/project", value(r, "cwd"));
    assertEquals("outputs/2024-03-05/train/model.pt", value(r, "out"));
    assertEquals(3L, value(r, "num"));
    assertEquals("train", value(r, "job.name"));
  }

  @Test
  void hydraWithoutAHydraConfigOrKeyFails() {
    InterpolationException e =
        assertThrows(
            InterpolationException.class,
            () -> resolve(Map.of(), t.map("a", "${hydra:runtime.cwd}")));
    assertEquals(Kind.RESOLVER_FAILED, e.kind());
    assertTrue(e.getMessage().contains("hydra.runtime.cwd"), e.getMessage());
  }

  @Test
  void wrongArgumentCountsAreExplained() {
    InterpolationException e =
        assertThrows(
            InterpolationException.class, () -> resolve(Map.of(), t.map("a", "${oc.env:A,b,c}")));
    assertTrue(e.getMessage().contains("takes 1 or 2 arguments, got 3"), e.getMessage());
    assertTrue(e.hint().contains("${oc.env:VAR,default}"), e.hint());
  }

  @Test
  void registryIsImmutable() {
    Resolvers base = Resolvers.builtIn();
    Resolvers more = base.with("mine", (args, ctx) -> 1);
    assertTrue(more.names().contains("mine"));
    assertEquals(null, base.find("mine"));
    assertThrows(IllegalArgumentException.class, () -> base.with("bad name", (args, ctx) -> 1));
    assertThrows(UnsupportedOperationException.class, () -> base.names().clear());
  }
}
