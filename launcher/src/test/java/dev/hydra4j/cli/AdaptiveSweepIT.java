package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StatusFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hydra/sweeper=optuna} through the CLI with real task processes: a study configured as for
 * Hydra's Optuna sweeper, its resume after the launcher is killed with SIGKILL, and the pruner
 * stopping trials whose curves are poor.
 */
class AdaptiveSweepIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  /**
   * A task whose objective is best at x=0.3, lr=1e-2, opt=adam; it logs a falling curve (one line
   * per step, {@code step_s} apart) and then writes metrics.json.
   */
  private Path conf(String sweeper) throws Exception {
    Path conf = Files.createDirectories(root.resolve("conf"));
    Files.writeString(
        root.resolve("task.py"),
        """
        import json, math, os, time
        cfg = json.load(open(os.environ["HYDRA4J_CONFIG_JSON"]))
        target = (cfg["x"] - 0.3) ** 2 + (math.log10(cfg["lr"]) + 2) ** 2 \\
            + (0 if cfg["opt"] == "adam" else 1)
        d = os.environ["HYDRA4J_JOB_DIR"]
        with open(os.path.join(d, "metrics.jsonl"), "a") as curve:
            for step in range(1, cfg["steps"] + 1):
                time.sleep(cfg["step_s"])
                curve.write(json.dumps({"step": step, "val": {"loss": target + 1 / step}}) + "\\n")
                curve.flush()
        json.dump({"val": {"loss": target}, "cost": cfg["x"]},
                  open(os.path.join(d, "metrics.json"), "w"))
        """);
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        x: 0.5
        lr: 0.1
        opt: sgd
        steps: 1
        step_s: 0.0
        hydra:
          job:
            command: [python3, '%s']
        """
            .formatted(root.resolve("task.py")));
    Files.createDirectories(conf.resolve("hparams_search"));
    Files.writeString(
        conf.resolve("hparams_search/search.yaml"),
        """
        # @package _global_
        defaults:
          - override /hydra/sweeper: optuna
        optimized_metric: val/loss
        hydra:
          sweeper:
            _target_: hydra_plugins.hydra_optuna_sweeper.optuna_sweeper.OptunaSweeper
            storage: null
            study_name: null
        %s
            params:
              x: interval(0, 1)
              lr: tag(log, interval(1e-5, 1))
              opt: choice(sgd, adam)
        """
            .formatted(sweeper.indent(4).stripTrailing()));
    return conf;
  }

  /** The study file's events of one kind ({@code trial}, {@code end}), in order. */
  static List<JsonNode> events(Path sweep, String kind) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(sweep.resolve("study.jsonl"))) {
      JsonNode node = JSON.readTree(line.substring(0, line.lastIndexOf('\t')));
      if (node.get("event").asText().equals(kind)) {
        out.add(node);
      }
    }
    return out;
  }

  @Test
  void tpeStudyOfRealProcessesGetsCloseToTheOptimum() throws Exception {
    Path conf =
        conf(
            """
        direction: minimize
        n_trials: 30
        n_jobs: 2
        sampler:
          _target_: optuna.samplers.TPESampler
          seed: 7
          n_startup_trials: 10
        """);
    Path sweep = root.resolve("sweep");
    CliRun run =
        CliRun.of(
            "-cp", conf.toString(), "-m", "+hparams_search=search", "hydra.sweep.dir=" + sweep);
    assertEquals(0, run.exitCode(), run.err());
    List<JsonNode> ends = events(sweep, "end");
    assertEquals(30, ends.size());
    double best = Double.POSITIVE_INFINITY;
    for (JsonNode end : ends) {
      assertEquals("COMPLETE", end.get("state").asText());
      best = Math.min(best, end.get("values").get(0).asDouble());
    }
    // Random search over these ranges reaches about 0.3 in 30 trials at the median.
    assertTrue(best < 0.1, "best " + best);
    assertTrue(run.err().contains("best    trial "), run.err());
    // Each trial is a job whose overrides.yaml holds its parameters.
    List<String> overrides = Files.readAllLines(sweep.resolve("29/.hydra/overrides.yaml"));
    assertTrue(overrides.stream().anyMatch(l -> l.startsWith("- x=")), overrides.toString());
    assertTrue(overrides.stream().anyMatch(l -> l.startsWith("- opt=")), overrides.toString());
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("30 of 30 trials (complete 30)"), status.out());
  }

  @Test
  void resumeAfterKill9CompletesExactlyNTrials() throws Exception {
    Path conf =
        conf(
            """
        direction: minimize
        n_trials: 10
        n_jobs: 2
        sampler:
          _target_: optuna.samplers.RandomSampler
          seed: 3
        """);
    Path sweep = root.resolve("sweep");
    Process launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hydra4j.cli.Main",
                "-cp",
                conf.toString(),
                "-m",
                "+hparams_search=search",
                "hydra.sweep.dir=" + sweep,
                "steps=4",
                "step_s=0.25")
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("launcher.out").toFile())
            .start();
    try {
      // Killed once two trials ended and another is half-way through its curve.
      for (int i = 0;
          !Files.exists(sweep.resolve("study.jsonl"))
              || events(sweep, "end").size() < 2
              || !midway(sweep);
          i++) {
        if (i > 600) {
          fail("the study did not start: " + Files.readString(root.resolve("launcher.out")));
        }
        Thread.sleep(50);
      }
      launcher.destroyForcibly();
      assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, launcher.exitValue());
    } finally {
      launcher.destroyForcibly();
    }
    int startedBefore = events(sweep, "trial").size();
    assertTrue(startedBefore < 10, startedBefore + " trials started before the kill");
    // The killed launcher's tasks live on; resume refuses to run a trial twice meanwhile.
    for (int num = 0; num < 10; num++) {
      while (StatusFile.read(sweep.resolve("" + num), num).state() == JobState.RUNNING
          && CliRun.of("resume", sweep.toString()).exitCode() == 2) {
        Thread.sleep(100);
      }
    }
    CliRun resumed = CliRun.of("resume", sweep.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    List<JsonNode> trials = events(sweep, "trial");
    List<JsonNode> ends = events(sweep, "end");
    Set<Integer> numbers = new HashSet<>();
    trials.forEach(t -> numbers.add(t.get("number").asInt()));
    assertEquals(10, trials.size(), "no trial suggested twice");
    assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), numbers);
    assertEquals(10, ends.size());
    ends.forEach(e -> assertEquals("COMPLETE", e.get("state").asText()));
    int ranTwice = 0;
    for (int num = 0; num < 10; num++) {
      Path dir = sweep.resolve("" + num);
      assertEquals(JobState.COMPLETED, StatusFile.read(dir, num).state());
      if (StatusFile.read(dir, num).attempt() > 1) {
        // Cut off by the kill and run again with its parameters: a fresh curve of 4 steps,
        // the cut-off one kept beside it.
        ranTwice++;
        assertEquals(4, Files.readAllLines(dir.resolve("metrics.jsonl")).size());
        assertTrue(Files.exists(dir.resolve("metrics.attempt1.jsonl")), dir.toString());
      }
    }
    assertTrue(ranTwice >= 1, "a trial running at the kill ran again");
    CliRun again = CliRun.of("resume", sweep.toString());
    assertEquals(0, again.exitCode());
    assertTrue(again.err().contains("nothing to resume"), again.err());
  }

  /** Whether some trial runs and has logged part of its curve. */
  private static boolean midway(Path sweep) throws Exception {
    for (int num = 0; num < 10; num++) {
      Path dir = sweep.resolve("" + num);
      if (StatusFile.read(dir, num).state() == JobState.RUNNING
          && Files.exists(dir.resolve("metrics.jsonl"))
          && Files.readAllLines(dir.resolve("metrics.jsonl")).size() >= 1) {
        return true;
      }
    }
    return false;
  }

  @Test
  void twoObjectivesGiveTheParetoFront() throws Exception {
    Path conf =
        conf(
            """
        direction: [minimize, maximize]
        objective: [val/loss, cost]
        n_trials: 16
        n_jobs: 4
        sampler:
          _target_: optuna.samplers.TPESampler
          seed: 5
          n_startup_trials: 6
        """);
    Path sweep = root.resolve("sweep");
    CliRun run =
        CliRun.of(
            "-cp", conf.toString(), "-m", "+hparams_search=search", "hydra.sweep.dir=" + sweep);
    assertEquals(0, run.exitCode(), run.err());
    List<double[]> all = new ArrayList<>();
    for (JsonNode end : events(sweep, "end")) {
      all.add(
          new double[] {
            end.get("values").get(0).asDouble(),
            end.get("values").get(1).asDouble(),
            end.get("number").asInt()
          });
    }
    assertEquals(16, all.size());
    List<Integer> front = new ArrayList<>();
    for (double[] a : all) {
      boolean dominated =
          all.stream().anyMatch(b -> b[0] <= a[0] && b[1] >= a[1] && (b[0] < a[0] || b[1] > a[1]));
      if (!dominated) {
        front.add((int) a[2]);
      }
    }
    CliRun status = CliRun.of("status", sweep.toString());
    long lines = status.out().lines().filter(l -> l.startsWith("pareto  trial ")).count();
    assertEquals(front.size(), lines, status.out());
    for (int n : front) {
      assertTrue(status.out().contains("pareto  trial " + n + ":"), n + "\n" + status.out());
    }
  }

  @Test
  void medianPrunerStopsTrialsWithPoorCurves() throws Exception {
    Path conf =
        conf(
            """
        direction: minimize
        n_trials: 12
        n_jobs: 3
        sampler:
          _target_: optuna.samplers.RandomSampler
          seed: 11
        pruner:
          _target_: optuna.pruners.MedianPruner
          n_startup_trials: 3
          n_warmup_steps: 1
        """);
    Path sweep = root.resolve("sweep");
    CliRun run =
        CliRun.of(
            "-cp",
            conf.toString(),
            "-m",
            "+hparams_search=search",
            "hydra.sweep.dir=" + sweep,
            "steps=20",
            "step_s=0.1",
            "hydra.launcher.kill_grace_s=2");
    assertEquals(0, run.exitCode(), run.err());
    int pruned = 0;
    for (JsonNode end : events(sweep, "end")) {
      int num = end.get("number").asInt();
      JobState job = StatusFile.read(sweep.resolve("" + num), num).state();
      if (end.get("state").asText().equals("PRUNED")) {
        pruned++;
        assertEquals(JobState.PRUNED, job);
        // Stopped early: fewer than the 20 steps, and no final metrics.
        assertTrue(end.get("intermediate").size() < 20, end.toString());
        assertTrue(!Files.exists(sweep.resolve(num + "/metrics.json")));
      } else {
        assertEquals(JobState.COMPLETED, job);
      }
    }
    assertTrue(pruned >= 2, pruned + " pruned");
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("PRUNED"), status.out());
  }
}
