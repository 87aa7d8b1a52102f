package dev.hydra4j.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.cli.Main;
import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.sweep.PlannedJob;
import dev.hydra4j.sweep.SweepOptions;
import dev.hydra4j.sweep.SweepPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every case of conformance/sweeps.json (real Hydra 1.3.5 multiruns): the jobs a sweep plans, in
 * order, each with its number, its {@code .hydra/overrides.yaml} lines, its {@code
 * override_dirname}, its group choices and its resolved config; and a few cases run through the
 * CLI, checked in the files the jobs got.
 */
class SweepConformanceTest {

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    return GoldenSweeps.cases().stream().map(c -> Arguments.of(c.get("id").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void plansTheJobsHydraRuns(String id, JsonNode golden) throws IOException {
    Path conf = dir.resolve("conf");
    GoldenSweeps.writeTree(conf, golden.get("files"));
    Composer composer =
        Composers.create(
            SearchPath.of(conf), java.time.ZonedDateTime.now(java.time.ZoneId.systemDefault()));
    String configName = golden.get("config_name").asText();
    List<ParsedOverride> overrides = new ArrayList<>();
    golden.get("overrides").forEach(o -> overrides.add(OverrideParser.parse(o.asText())));

    if (golden.get("job_count").asInt() == 0) {
      // Deliberate difference (README): Hydra launches 0 jobs and exits 0; hydra4j refuses
      // an empty sweep up front, naming the override.
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> SweepPlan.create(composer, configName, overrides, SweepOptions.NONE));
      assertTrue(e.getMessage().contains("has no values"), e.getMessage());
      return;
    }
    SweepPlan plan = SweepPlan.create(composer, configName, overrides, SweepOptions.NONE);
    JobPreparer preparer =
        new JobPreparer(
            composer, configName, RunMode.MULTIRUN, dir.resolve("sweep"), List.of("true"));

    assertEquals(golden.get("job_count").asInt(), plan.size(), "job count");
    for (int i = 0; i < plan.size(); i++) {
      JsonNode want = golden.get("jobs").get(i);
      PlannedJob job = plan.job(i);
      String at = id + " job " + i + ": ";
      assertEquals(want.get("num").asInt(), job.num(), at + "num");
      PreparedJob prepared = preparer.prepare(job.num(), job.overrides());
      assertEquals(
          GoldenSweeps.strings(want.get("overrides")),
          prepared.composition().taskOverrides(),
          at + "overrides.yaml");
      assertEquals(
          want.get("override_dirname").asText(),
          new HydraSettings(prepared.composition()).text("hydra.job.override_dirname", null),
          at + "override_dirname");
      assertEquals(
          GoldenSweeps.plain(want.get("choices")),
          userChoices(prepared.composition().defaults().choices()),
          at + "choices");
      Object expected = GoldenSweeps.plain(want.get("config"));
      Object actual = GoldenSweeps.plain(prepared.config());
      assertEquals(expected, actual, at + "config");
      assertEquals(
          GoldenSweeps.keyOrder(expected), GoldenSweeps.keyOrder(actual), at + "key order");
    }
  }

  /**
   * The same cases through the CLI: each job directory (named by {@code override_dirname}, so the
   * name is checked too) holds Hydra's overrides and config.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "sweep-cartesian-order",
        "sweep-choice-fn-and-quoted",
        "sweep-custom-dirname-separators",
        "sweep-cli-overrides-sweeper-params"
      })
  @Timeout(60)
  void theCliWritesWhatHydraWrites(String id) throws IOException {
    JsonNode golden = GoldenSweeps.byId(id);
    Path conf = dir.resolve("conf");
    GoldenSweeps.writeTree(conf, golden.get("files"));
    Path sweepDir = dir.resolve("out");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-cp",
                conf.toString(),
                "-cn",
                golden.get("config_name").asText(),
                "-m",
                "hydra.sweep.dir=" + sweepDir,
                "hydra.sweep.subdir=${hydra.job.override_dirname}"));
    args.addAll(GoldenSweeps.strings(golden.get("overrides")));
    args.addAll(List.of("--", "true"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new PrintStream(new ByteArrayOutputStream(), true),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args.toArray(String[]::new));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

    Load yaml = new Load(LoadSettings.builder().build());
    List<String> expectedDirs = new ArrayList<>();
    for (JsonNode want : golden.get("jobs")) {
      String dirname = want.get("override_dirname").asText();
      expectedDirs.add(dirname);
      Path job = sweepDir.resolve(dirname);
      assertTrue(Files.isDirectory(job), "job dir " + job);
      assertEquals(
          GoldenSweeps.strings(want.get("overrides")),
          yaml.loadFromString(Files.readString(job.resolve(".hydra/overrides.yaml"))),
          dirname + ": overrides.yaml");
      Object config = yaml.loadFromString(Files.readString(job.resolve(".hydra/config.yaml")));
      assertEquals(
          GoldenSweeps.plain(want.get("config")), widen(config), dirname + ": config.yaml");
      assertTrue(Files.readString(job.resolve("status.json")).contains("COMPLETED"));
    }
    List<String> dirs;
    try (Stream<Path> listed = Files.list(sweepDir)) {
      dirs =
          listed.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(expectedDirs.stream().sorted().toList(), dirs, "job directories");
  }

  private static Map<String, Object> userChoices(Map<String, String> choices) {
    Map<String, Object> out = new LinkedHashMap<>();
    choices.forEach(
        (k, v) -> {
          if (!k.startsWith("hydra/")) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** YAML's ints as Long, like the golden side. */
  private static Object widen(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), widen(v)));
      return out;
    }
    if (yaml instanceof List<?> list) {
      return list.stream().map(SweepConformanceTest::widen).toList();
    }
    return yaml instanceof Integer i ? (Object) i.longValue() : yaml;
  }
}
