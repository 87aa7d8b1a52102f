package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed {@link Config} view: values, optional values, units and located errors. */
class ConfigTest {

  private static final Path CONF = Path.of("../conf");

  @TempDir Path dir;

  private Config load(String yaml, String... overrides) throws IOException {
    Files.writeString(dir.resolve("app.yaml"), yaml);
    return Hydra4j.load(dir, "app", overrides);
  }

  @Test
  void readsTypedValuesOfTheExampleTree() {
    Config cfg = Hydra4j.load(CONF, "config", "training=long", "seed=7");
    assertEquals(30, cfg.getInt("training.epochs"));
    assertEquals(0.01, cfg.getDouble("training.lr"));
    assertEquals(7L, cfg.getLong("seed"));
    assertEquals("person_100_e30", cfg.getString("run_name"));
    assertEquals(List.of("videos/test_01.mp4", "videos/test_02.mp4"), cfg.getList("test_videos"));
    assertEquals("videos/test_02.mp4", cfg.getString("test_videos[1]"));
    Config training = cfg.getConfig("training");
    assertEquals("training", training.path());
    assertEquals(50, training.getInt("patience"));
    Origin patience = training.origin("patience");
    assertTrue(patience.toString().endsWith("conf/training/long.yaml:5:11"), patience.toString());
    assertEquals(5, patience.line());
    assertEquals(1.0, cfg.getDouble("experiment.frame_sample_fractions.crane hook"));
  }

  @Test
  void aViewListsItsKeysAndConvertsToPlainValues() throws IOException {
    Config cfg = load("b: {x: 1, z: [true, null]}\na: text\n");
    assertEquals(List.of("b", "a"), List.copyOf(cfg.keys()));
    assertEquals(
        java.util.Map.of("x", 1L, "z", java.util.Arrays.asList(true, null)),
        cfg.getConfig("b").toMap());
    assertEquals("b:\n  x: 1\n  z:\n  - true\n  - null\na: text\n", cfg.toString());
  }

  @Test
  void aWrongTypeNamesKeyTypeValueAndFileLine() throws IOException {
    Config cfg = load("training:\n  lr: fast\n  epochs: 2.5\n");
    Hydra4jException e = assertThrows(Hydra4jException.class, () -> cfg.getDouble("training.lr"));
    String problem = e.problems().get(0).toString();
    assertTrue(
        problem.startsWith("training.lr: expected a double, got 'fast' (a string) at "), problem);
    assertTrue(problem.endsWith("app.yaml:2:7"), problem);
    assertEquals(2, e.origin().line());
    Hydra4jException fraction =
        assertThrows(Hydra4jException.class, () -> cfg.getInt("training.epochs"));
    assertTrue(
        fraction.getMessage().contains("expected an int, got 2.5 (a float)"),
        fraction.getMessage());
  }

  @Test
  void anAbsentKeySuggestsTheClosestOne() {
    Config cfg = Hydra4j.load(CONF, "config");
    Hydra4jException e = assertThrows(Hydra4jException.class, () -> cfg.getInt("training.epoch"));
    assertEquals("training.epoch", e.problems().get(0).key());
    assertTrue(e.hint().contains("training.epochs"), e.hint());
  }

  @Test
  void optionalValuesAreEmptyWhenAbsentNullOrMissing() throws IOException {
    Config cfg = load("a: null\nb: ???\nc: 3\nd: three\n");
    assertEquals(Optional.empty(), cfg.findInt("a"));
    assertEquals(Optional.empty(), cfg.findInt("b"));
    assertEquals(Optional.empty(), cfg.findInt("nope"));
    assertEquals(Optional.of(3), cfg.findInt("c"));
    assertFalse(cfg.hasPath("a"));
    assertTrue(cfg.hasPath("c"));
    assertThrows(
        Hydra4jException.class,
        () -> cfg.findInt("d"),
        "a value of the wrong type is an error, not an empty optional");
    Hydra4jException missing = assertThrows(Hydra4jException.class, () -> cfg.getInt("b"));
    assertTrue(
        missing.getMessage().contains("b: is ??? (a value that must be set)"),
        missing.getMessage());
  }

  @Test
  void durationsAndSizesFollowTypesafeConventions() throws IOException {
    Config cfg =
        load(
            "t1: 10s\nt2: 1.5h\nt3: 250\nt4: 2 minutes\nt5: PT3S\n"
                + "s1: 512M\ns2: 10kB\ns3: 2GiB\ns4: 100\ns5: 1.5K\nbad: 10 parsecs\n");
    assertEquals(Duration.ofSeconds(10), cfg.getDuration("t1"));
    assertEquals(Duration.ofMinutes(90), cfg.getDuration("t2"));
    assertEquals(Duration.ofMillis(250), cfg.getDuration("t3"));
    assertEquals(Duration.ofMinutes(2), cfg.getDuration("t4"));
    assertEquals(Duration.ofSeconds(3), cfg.getDuration("t5"));
    assertEquals(512L * 1024 * 1024, cfg.getBytes("s1"));
    assertEquals(10_000L, cfg.getBytes("s2"));
    assertEquals(2L << 30, cfg.getBytes("s3"));
    assertEquals(100L, cfg.getBytes("s4"));
    assertEquals(1536L, cfg.getBytes("s5"));
    Hydra4jException e = assertThrows(Hydra4jException.class, () -> cfg.getDuration("bad"));
    assertTrue(
        e.getMessage().contains("expected a duration (e.g. 10s, 500ms, 2h), got" + " '10 parsecs'"),
        e.getMessage());
  }

  @Test
  void stringsFromTheEnvironmentConvertToNumbersAndBooleans() throws IOException {
    Config cfg = load("n: '42'\nflag: 'yes'\nbig: 3000000000\n");
    assertEquals(42, cfg.getInt("n"));
    assertTrue(cfg.getBoolean("flag"));
    assertEquals(3_000_000_000L, cfg.getLong("big"));
    assertThrows(Hydra4jException.class, () -> cfg.getInt("big"), "no silent overflow");
  }

  @Test
  void badCompositionIsAHydra4jExceptionWithTheOverride() {
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class, () -> Hydra4j.load(CONF, "config", "training.epochz=1"));
    assertEquals("override 'training.epochz=1'", e.origin().toString());
    assertTrue(e.hint().contains("training.epochs"), e.hint());
  }

  @Test
  void fallbackAddsOnlyWhatTheConfigLacks() throws IOException {
    Config defaults = load("training:\n  lr: 0.5\n  warmup: 5s\nname: base\n");
    Config cfg = Hydra4j.load(CONF, "config");
    Config layered = cfg.withFallback(defaults);
    assertEquals(0.01, layered.getDouble("training.lr"));
    assertEquals(Duration.ofSeconds(5), layered.getDuration("training.warmup"));
    assertEquals("base", layered.getString("name"));
  }
}
