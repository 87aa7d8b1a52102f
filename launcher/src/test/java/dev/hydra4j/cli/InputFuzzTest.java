package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.JsonWriter;
import dev.hydra4j.config.YamlWriter;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.sweep.SweepOptions;
import dev.hydra4j.sweep.SweepPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, bounded fuzzing of everything a user types or writes: mutated overrides (from the Hydra
 * conformance inputs), mutated YAML and HOCON config files, and mutated sweeps through the CLI.
 * Every input must either work or fail with one of hydra4j's own errors ({@link ConfigException}
 * and its kinds); any other exception or error is a bug, reported with the input that caused it.
 * The seed is fixed, so a failure reproduces.
 */
@Timeout(300)
class InputFuzzTest {

  private static final long SEED = 20_261_207L;
  private static final int OVERRIDES = 16_000;
  private static final int FILES = 8_000;
  private static final int CLI_SWEEPS = 400;

  /** Pieces that mean something to one of the grammars, or to the limits. */
  private static final List<String> TOKENS =
      List.of(
          "${",
          "}",
          "{",
          "[",
          "]",
          "(",
          ")",
          ",",
          "=",
          ":",
          "'",
          "\"",
          "\\",
          "~",
          "+",
          "++",
          "@",
          "%",
          "*",
          "&",
          "!",
          "|",
          "#",
          "\n",
          "\t",
          " ",
          ".",
          "..",
          "-",
          "/",
          "0",
          "-1",
          "1.5",
          "1e400",
          "-1e400",
          "2147483648",
          "9223372036854775808",
          "-9223372036854775809",
          "nan",
          "inf",
          "-inf",
          "null",
          "???",
          "true",
          "${oc.env:HOME}",
          "${oc.env:NOPE_XYZ,d}",
          "${now:%Y-%m}",
          "${oc.select:a,b}",
          "${oc.decode:'[1,2]'}",
          "${oc.create:{a: 1}}",
          "${oc.dict.keys:a}",
          "${hydra:job.name}",
          "${..a}",
          "${a.0}",
          "range(",
          "choice(",
          "glob(",
          "interval(",
          "shuffle(",
          "sort(",
          "tag(",
          "str(",
          "int(",
          "float(",
          "bool(",
          "json_str(",
          "extend_list(",
          "reverse=true",
          "seed=1",
          "&a ",
          "*a",
          "<<: ",
          "!!int ",
          "!!binary ",
          "!!python/object ",
          "- ",
          "---\n",
          "...\n",
          "? ",
          "defaults:\n  - ",
          "_self_",
          "override ",
          "optional ",
          "# @package _global_\n",
          "@package",
          "include \"x\"",
          "include file(\"/etc/passwd\")",
          "+= ",
          "${?x}",
          "\uD800",
          "\u0000",
          "é",
          "\u202E",
          "\uFEFF",
          "\r",
          "hydra.",
          "hydra/launcher=",
          "hydra.launcher.n_jobs=",
          "hydra.sweeper.max_jobs=",
          "hydra.sweep.subdir=",
          "../",
          "/abs/");

  private Path conf;
  private Composer composer;

  @TempDir Path temp;

  @BeforeEach
  void tree() throws IOException {
    conf = temp.resolve("conf");
    write(
        conf.resolve("config.yaml"),
        "defaults:\n  - db: mysql\n  - _self_\nname: app\n"
            + "port: 8080\nnested:\n  lr: 0.1\n  list: [1, 2, {a: 3}]\nref: ${nested.lr}\n");
    write(conf.resolve("db/mysql.yaml"), "driver: mysql\nport: 3306\n");
    write(conf.resolve("db/sqlite.conf"), "driver = sqlite\nfile = ${name}.db\n");
    composer = new Composer(SearchPath.of(conf));
  }

  @Test
  void mutatedOverridesFailOnlyWithOwnErrors() throws IOException {
    List<String> seeds = new ArrayList<>(conformanceInputs());
    seeds.addAll(
        List.of(
            "db=sqlite",
            "+db@backup=mysql",
            "~db",
            "nested.lr=0.01",
            "nested.list=[1,{a:2}]",
            "+x=${nested.lr}",
            "port=range(1,5)",
            "name=glob(*)",
            "db=glob(*)",
            "nested.lr=interval(0,1)",
            "port=choice(1,2),3",
            "hydra.launcher.n_jobs=4",
            "hydra.sweeper.max_jobs=10",
            "++a.b.c=1"));
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < OVERRIDES; i++) {
      String text = mutate(seeds, random);
      try {
        applyOverride(text);
      } catch (ConfigException expected) {
        // hydra4j's own error: fine.
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(describe(text, e));
      }
    }
    assertNoFailures(failures, OVERRIDES, "overrides");
  }

  private void applyOverride(String text) {
    ParsedOverride parsed = OverrideParser.parse(text);
    if (parsed.isSweep()) {
      SweepPlan plan = SweepPlan.create(composer, "config", List.of(parsed), SweepOptions.NONE);
      for (int i = 0; i < Math.min(plan.size(), 3); i++) {
        render(composer.compose("config", plan.job(i).overrides(), RunMode.MULTIRUN));
      }
    } else {
      render(composer.compose("config", List.of(parsed), RunMode.RUN));
    }
  }

  @Test
  void mutatedConfigFilesFailOnlyWithOwnErrors() throws IOException {
    List<String> seeds = fileSeeds();
    Random random = new Random(SEED + 1);
    List<String> failures = new ArrayList<>();
    Path dir = temp.resolve("fuzz");
    for (int i = 0; i < FILES; i++) {
      String text = mutate(seeds, random);
      String name = random.nextBoolean() ? "config.yaml" : "config.conf";
      try {
        // Straight through the reader; every fourth file also as the primary config of a
        // composition (defaults list, merge, resolution, writers), which costs a file write.
        ConfigFiles.parse(text, "conf/" + name);
        if (i % 4 == 0) {
          write(dir.resolve(name), text);
          write(dir.resolve("db/mysql.yaml"), "driver: mysql\n");
          render(new Composer(SearchPath.of(dir)).compose("config", List.of(), RunMode.RUN));
        }
      } catch (ConfigException expected) {
        // hydra4j's own error: fine.
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(describe(name + ":\n" + text, e));
      } finally {
        Files.deleteIfExists(dir.resolve(name));
      }
    }
    assertNoFailures(failures, FILES, "config files");
  }

  /**
   * Mutated sweeps through the whole CLI ({@code -m --dry-run}): every run exits 0 or 2, and a
   * refusal is one message, never a trace.
   */
  @Test
  void mutatedSweepsThroughTheCliExitZeroOrTwo() {
    List<String> seeds =
        List.of(
            "port=range(1,4)",
            "nested.lr=0.1,0.2",
            "db=glob(*)",
            "name=choice(a,b)",
            "port=shuffle(range(3),seed=1)",
            "+x=1,2",
            "hydra.launcher.n_jobs=2",
            "hydra.sweeper.max_batch_size=1",
            "hydra.launcher.timeout_min=1",
            "hydra.sweep.subdir=${name}");
    Random random = new Random(SEED + 2);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CLI_SWEEPS; i++) {
      String a = mutate(seeds, random);
      String b = seeds.get(random.nextInt(seeds.size()));
      CliRun run =
          CliRun.of(
              "-cp",
              conf.toString(),
              "-m",
              "--dry-run",
              "hydra.sweep.dir=" + temp.resolve("multirun"),
              a,
              b,
              "--",
              "true");
      boolean fine =
          run.exitCode() == 0
              || (run.exitCode() == 2
                  && run.err().startsWith("error: ")
                  && !run.err().contains("\tat "));
      if (!fine) {
        failures.add("[" + a + "] [" + b + "] exit " + run.exitCode() + ":\n" + run.err());
      }
    }
    assertNoFailures(failures, CLI_SWEEPS, "CLI sweeps");
    assertTrue(!Files.exists(temp.resolve("multirun")), "a dry run writes nothing");
  }

  private static void render(Composition composition) {
    YamlWriter.toYaml(composition.resolvedJobConfig());
    JsonWriter.toJson(composition.resolvedJobConfig(), false);
    YamlWriter.toYaml(composition.config());
  }

  /** One of several mutations of a seed, or a splice of two, sometimes mutated again. */
  static String mutate(List<String> seeds, Random random) {
    String text = seeds.get(random.nextInt(seeds.size()));
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
      int end = Math.min(text.length(), at + random.nextInt(8));
      String token = TOKENS.get(random.nextInt(TOKENS.size()));
      text =
          switch (random.nextInt(8)) {
            case 0, 1 -> text.substring(0, at) + token + text.substring(at);
            case 2 -> text.substring(0, at) + text.substring(end);
            case 3 -> text.substring(0, at) + token + text.substring(end);
            case 4 -> text.substring(0, end) + text.substring(at, end) + text.substring(end);
            case 5 -> {
              String other = seeds.get(random.nextInt(seeds.size()));
              int cut = random.nextInt(other.length() + 1);
              yield text.substring(0, at) + other.substring(cut);
            }
            case 6 ->
                text.substring(0, at)
                    + token.repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 3000 : 20))
                    + text.substring(at);
            default ->
                text.substring(0, at)
                    + (char)
                        (random.nextInt(10) == 0
                            ? random.nextInt(0x10000)
                            : 32 + random.nextInt(95))
                    + text.substring(at);
          };
    }
    return text;
  }

  private static String describe(String input, Throwable e) {
    StackTraceElement top = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
    String where = "";
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("dev.hydra4j")) {
        where = " at " + frame;
        break;
      }
    }
    String shown = input.length() > 2000 ? input.substring(0, 2000) + "…" : input;
    return e.getClass().getName()
        + ": "
        + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
        + where
        + (top == null ? "" : " (thrown at " + top + ")")
        + "\n  input: "
        + escaped(shown);
  }

  /** Control characters as Java escapes, so the input can be pasted into a test. */
  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(
          c == '\n'
              ? "\\n"
              : c < 0x20 || (c >= 0xD800 && c < 0xE000) || c == 0x202E
                  ? String.format("\\u%04X", (int) c)
                  : String.valueOf(c));
    }
    return out.toString();
  }

  private static void assertNoFailures(List<String> failures, int count, String what) {
    assertEquals(
        List.of(),
        failures.stream().distinct().limit(15).toList(),
        failures.size()
            + " of "
            + count
            + " mutated "
            + what
            + " raised an exception that is"
            + " not hydra4j's own error");
  }

  private static List<String> conformanceInputs() throws IOException {
    try (InputStream in = InputFuzzTest.class.getResourceAsStream("/conformance/overrides.json")) {
      var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      List<String> inputs = new ArrayList<>();
      root.get("cases").forEach(c -> inputs.add(c.get("input").asText()));
      return inputs;
    }
  }

  private static List<String> fileSeeds() throws IOException {
    List<String> seeds =
        new ArrayList<>(
            List.of(
                "defaults:\n  - db: mysql\n  - _self_\na: 1\nb: ${a}\nc: [${a}, '${b}x']\n",
                "base: &b {x: 1, y: [1, 2]}\nc: *b\nd:\n  <<: *b\n  x: 2\n",
                "# @package _global_\nx: !!int '3'\ny: !!str 4\nz: ???\nw: null\n",
                "a:\n  b:\n    c: ${oc.env:HOME,/}\n  d: ${oc.select:a.b.c,1}\n",
                "x0: ab\nx1: ${x0}${x0}\nx2: ${x1}${x1}\nx3: ${x2}${x2}\n",
                "a = 1\nb = ${a}\nc { d = [1, 2, ${a}] }\n",
                "a { x = 1 }\na = ${a} { y = 2 }\n",
                "a = [1] ${a}\nb = \"s\"${a}\n",
                "defaults = [ {db = mysql}, _self_ ]\nport = 1\n",
                "a: 1\na: 2\n",
                "- 1\n- 2\n",
                "k: \"unterminated\n"));
    seeds.add(Files.readString(Path.of("../conf/config.yaml")));
    seeds.add(Files.readString(Path.of("../conf/training/fast.conf")));
    seeds.add(Files.readString(Path.of("../conf/training/base.yaml")));
    try (Stream<Path> files = Files.list(Path.of("../conf/experiment"))) {
      for (Path file : files.sorted().toList()) {
        seeds.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return seeds;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    // getBytes replaces a lone surrogate with '?' where writeString would refuse it.
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
