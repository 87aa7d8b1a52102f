package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Hydra4j.main} with a record: bound per job, or stopped before anything runs. */
class TypedMainTest {

  @TempDir Path dir;

  sealed interface Model permits Small, Large {}

  record Small(int width) implements Model {}

  record Large(int width, int depth) implements Model {}

  record App(Model model, double lr) {}

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Hydra4j.Job<App> job, String... args) throws IOException {
    Path conf = dir.resolve("conf");
    Files.createDirectories(conf.resolve("model"));
    Files.writeString(
        conf.resolve("app.yaml"),
        "defaults:\n  - model: small\n  - _self_\n"
            + "lr: 0.1\nhydra:\n  run:\n    dir: "
            + dir.resolve("out")
            + "\n  sweep:\n    dir: "
            + dir.resolve("multi")
            + "\n");
    Files.writeString(conf.resolve("model/small.yaml"), "width: 8\n");
    Files.writeString(conf.resolve("model/large.yaml"), "width: 64\ndepth: 4\n");
    return Hydra4j.main(
        "TrainApp",
        args,
        conf,
        "app",
        App.class,
        job,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void eachJobGetsItsConfigBoundWithTheSubtypeItsGroupChose() throws IOException {
    Map<Integer, App> seen = new ConcurrentHashMap<>();
    int code =
        run(
            (app, jobDir, num) -> {
              seen.put(num, app);
              Files.writeString(jobDir.resolve("done"), "ok");
            },
            "-m",
            "model=small,large",
            "lr=0.5");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertEquals(Map.of(0, new App(new Small(8), 0.5), 1, new App(new Large(64, 4), 0.5)), seen);
    assertTrue(Files.exists(dir.resolve("multi/1/done")));
  }

  record Located(long seed, Path out, String lr) {}

  @Test
  void valuesFromTheRunItselfBindWithTheJobsRealDirectory() throws IOException {
    Path conf = dir.resolve("conf2");
    Files.createDirectories(conf);
    Files.writeString(
        conf.resolve("app.yaml"),
        "seed: ${hydra:job.num}\n"
            + "out: ${hydra:runtime.output_dir}\nlr: x\nhydra:\n  sweep:\n    dir: "
            + dir.resolve("multi")
            + "\n");
    Map<Integer, Located> seen = new ConcurrentHashMap<>();
    int code =
        Hydra4j.main(
            "TrainApp",
            new String[] {"-m", "lr=a,b"},
            conf,
            "app",
            Located.class,
            (cfg, jobDir, num) -> seen.put(num, cfg),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertEquals(new Located(1, dir.resolve("multi/1"), "b"), seen.get(1));
  }

  @Test
  void aConfigThatDoesNotBindStopsBeforeAnythingIsWritten() throws IOException {
    int code =
        run(
            (app, jobDir, num) -> {
              throw new AssertionError("no job may run");
            },
            "-m",
            "model=small,large",
            "lr=fast",
            "+model.depth=2");
    assertEquals(2, code);
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith(
            "error: Job 0 (model=small lr=fast +model.depth=2): 2 problems"
                + " binding the config to App:\n"),
        text);
    assertTrue(
        text.contains(
            "  lr: expected a double, got 'fast' (a string) at override" + " 'lr=fast'\n"),
        text);
    assertTrue(text.contains("  model.depth: unknown key: Small has no component 'depth'"), text);
    assertFalse(Files.exists(dir.resolve("multi")), "nothing written");
  }

  private static final Hydra4j.Job<App> NEVER =
      (app, jobDir, num) -> {
        throw new AssertionError("no job may run");
      };

  @Test
  void cfgPrintsTheComposedConfigAsTheCommandLineDoesAndRunsNothing() throws IOException {
    int code = run(NEVER, "--cfg", "job", "-p", "model", "model=large");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertEquals("# @package model\nwidth: 64\ndepth: 4\n", out.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @Test
  void helpNamesTheProgramItsFlagsAndConfigGroupsButNotLauncherOnlyFlags() throws IOException {
    assertEquals(0, run(NEVER, "--help"), err.toString(StandardCharsets.UTF_8));
    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.startsWith("Usage: TrainApp "), help);
    assertTrue(help.contains("--cfg=job|hydra|all") && help.contains("--dry-run"), help);
    assertTrue(help.contains("model: large, small"), help);
    assertFalse(help.contains("--zip") || help.contains("--wait"), help);
  }

  @Test
  void dryRunPlansEveryJobAndWritesNothing() throws IOException {
    int code = run(NEVER, "-m", "model=small,large", "lr=0.1,0.01", "--dry-run");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String plan = out.toString(StandardCharsets.UTF_8);
    assertTrue(plan.contains("  3  large  0.01"), plan);
    assertFalse(Files.exists(dir.resolve("multi")), "nothing written");
  }

  @Test
  void aLauncherOnlyFlagIsNamedWithExitTwo() throws IOException {
    int code = run(NEVER, "-m", "model=small,large", "--wait");
    assertEquals(2, code);
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith(
            "error: --wait does not apply to a program that runs its jobs" + " in this process"),
        text);
    assertFalse(Files.exists(dir.resolve("multi")), "nothing written");
  }

  @Test
  void anUnknownFlagPointsAtTheProgramsHelp() throws IOException {
    assertEquals(2, run(NEVER, "--cgf", "job"));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("error: Unknown option: '--cgf'"), text);
    assertTrue(text.contains("Run 'TrainApp --help' for usage."), text);
  }
}
