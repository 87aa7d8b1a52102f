package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code hydra/sweeper=optuna} on the real SLURM cluster: trials are submitted one by one as slots
 * free up, each a job of its own, and a study whose launcher is killed with SIGKILL is continued by
 * {@code resume}, which follows the trials still running in SLURM instead of submitting them again.
 */
class SlurmStudyIT extends SlurmCliTest {

  /** A study of 6 trials, 2 at a time, of a python3 objective best at x=0.3. */
  private static Path study(String name) throws Exception {
    return study(
        name,
        """
        import json, os, time
        cfg = json.load(open(os.environ["HYDRA4J_CONFIG_JSON"]))
        time.sleep(cfg["sleep_s"])
        json.dump({"loss": (cfg["x"] - 0.3) ** 2},
                  open(os.path.join(os.environ["HYDRA4J_JOB_DIR"], "metrics.json"), "w"))
        """,
        """
        n_trials: 6
        n_jobs: 2
        sampler:
          seed: 4
          n_startup_trials: 3
        """);
  }

  /**
   * A project whose task is the python3 program {@code task} (x, sleep_s in its config) and whose
   * {@code +hparams_search=search} searches x in [0, 1] with the sweeper settings {@code sweeper}.
   */
  private static Path study(String name, String task, String sweeper) throws Exception {
    Path program = root.resolve(name + ".py");
    Files.writeString(program, task);
    Path conf =
        project(
            name,
            """
            x: 0.5
            sleep_s: 3
            hydra:
              launcher:
                timeout_min: 5
              job:
                command: [python3, '%s']
            """
                .formatted(program));
    Files.createDirectories(conf.resolve("hparams_search"));
    Files.writeString(
        conf.resolve("hparams_search/search.yaml"),
        """
        # @package _global_
        defaults:
          - override /hydra/sweeper: optuna
        optimized_metric: loss
        hydra:
          sweeper:
        %s
            params:
              x: interval(0, 1)
        """
            .formatted(sweeper.indent(4).stripTrailing()));
    return conf;
  }

  /** The study of {@code conf} in a child JVM, its trials {@code sleepS} seconds long. */
  private static Process startStudy(Path conf, String out, int sleepS) throws Exception {
    return startChildJvm(
        root.resolve(out),
        "-cp",
        conf.toString(),
        "-m",
        "+hparams_search=search",
        "hydra.sweep.dir=" + sweepDir(conf),
        "sleep_s=" + sleepS);
  }

  /**
   * Exactly trials 0-5 suggested once and ended COMPLETE, each job COMPLETED and submitted once.
   */
  private static void assertWholeStudy(Path sweep) throws Exception {
    List<Integer> suggested =
        AdaptiveSweepIT.events(sweep, "trial").stream().map(t -> t.get("number").asInt()).toList();
    assertEquals(List.of(0, 1, 2, 3, 4, 5), suggested.stream().sorted().toList(), "suggested once");
    List<JsonNode> ends = AdaptiveSweepIT.events(sweep, "end");
    assertEquals(6, ends.size());
    ends.forEach(e -> assertEquals("COMPLETE", e.get("state").asText(), e.toString()));
    List<JobStatus> jobs = statuses(sweep, 6);
    jobs.forEach(s -> assertEquals(JobState.COMPLETED, s.state(), s.toString()));
    assertTrue(mostAtOnce(jobs) <= 2, "at most n_jobs=2 trials at once: " + jobs);
    // One sbatch per trial: six arrays of one task, each job in exactly one.
    SubmissionLog log = SubmissionLog.read(sweep);
    assertEquals(6, log.arrays().size(), log.arrays().toString());
    TreeSet<Integer> placed = new TreeSet<>();
    log.arrays().forEach(a -> placed.addAll(a.jobs()));
    assertEquals(6, placed.size(), log.arrays().toString());
  }

  @Test
  void trialsAreSubmittedAsSlotsFreeAndStatusShowsThem() throws Exception {
    Path conf = study("study");
    CliRun run = sweep(conf, "+hparams_search=search");
    assertEquals(0, run.exitCode(), run.err());
    Path sweep = sweepDir(conf);
    assertWholeStudy(sweep);
    // The next trial is suggested from the results so far: every trial after the first two
    // was submitted after some trial had ended.
    List<JobStatus> jobs = statuses(sweep, 6);
    for (int num = 2; num < 6; num++) {
      JobStatus s = jobs.get(num);
      assertTrue(
          jobs.stream().anyMatch(o -> !o.end().isAfter(s.start())),
          "trial " + num + " started before any trial ended: " + jobs);
    }
    CliRun status = CliRun.of("status", sweep.toString());
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("6 of 6 trials (complete 6)"), status.out());
    assertTrue(status.out().contains("slurm"), status.out());
  }

  @Test
  void resumeAfterKill9FollowsTrialsStillInSlurm() throws Exception {
    Path conf = study("killed");
    Path sweep = sweepDir(conf);
    Process launcher = startStudy(conf, "killed.out", 8);
    try {
      // Killed while a trial it submitted runs in SLURM.
      await(
          "a trial running in SLURM",
          Duration.ofMinutes(2),
          () -> Files.exists(sweep.resolve("2")) && status(sweep, 2).state() == JobState.RUNNING,
          running -> running);
      launcher.destroyForcibly();
      assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, launcher.exitValue());
    } finally {
      launcher.destroyForcibly();
    }
    assertTrue(AdaptiveSweepIT.events(sweep, "end").size() < 6, "killed mid-study");
    CliRun resumed = CliRun.of("resume", sweep.toString());
    System.out.println("resume -> " + resumed.exitCode() + "\n" + resumed.err());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.err().contains("still pending or running in SLURM"), resumed.err());
    assertWholeStudy(sweep);
    assertEquals(1, status(sweep, 2).attempt(), "trial 2 ran once: " + status(sweep, 2));
    CliRun again = CliRun.of("resume", sweep.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().contains("nothing to resume"), again.err());
  }

  @Test
  void killCancelsTheTrialsAndTheLauncherSubmitsNoMore() throws Exception {
    Path conf = study("cancelled");
    Path sweep = sweepDir(conf);
    Process launcher = startStudy(conf, "cancelled.out", 60);
    try {
      await(
          "two trials submitted",
          Duration.ofMinutes(2),
          () ->
              Files.exists(sweep.resolve(SubmissionLog.NAME))
                  && SubmissionLog.read(sweep).arrays().size() == 2,
          submitted -> submitted);
      CliRun kill = CliRun.of("kill", sweep.toString());
      assertEquals(0, kill.exitCode(), kill.err());
      assertTrue(launcher.waitFor(2, TimeUnit.MINUTES), "the launcher ends after the kill");
      assertEquals(1, launcher.exitValue(), Files.readString(root.resolve("cancelled.out")));
    } finally {
      launcher.destroyForcibly();
    }
    assertTrue(
        Files.readString(root.resolve("cancelled.out")).contains("submitting no more jobs"),
        Files.readString(root.resolve("cancelled.out")));
    assertEquals(2, SubmissionLog.read(sweep).arrays().size(), "no trial submitted after the kill");
    assertEquals(JobState.CANCELLED, status(sweep, 0).state());
    assertEquals(JobState.CANCELLED, status(sweep, 1).state());
  }

  @Test
  void aPrunedTrialIsCancelledInSlurmAndRecordedPruned() throws Exception {
    // Seeded random trials, one at a time: x = 0.099, 0.565, 0.510, 0.544. Trial 3's curve lies
    // above the median of the three before it at every step, so the median rule stops it.
    Path conf =
        study(
            "pruned",
            """
            import json, os, time
            cfg = json.load(open(os.environ["HYDRA4J_CONFIG_JSON"]))
            d = os.environ["HYDRA4J_JOB_DIR"]
            target = (cfg["x"] - 0.3) ** 2
            with open(os.path.join(d, "metrics.jsonl"), "a") as curve:
                for step in range(1, 11):
                    time.sleep(0.6)
                    curve.write(json.dumps({"step": step, "loss": target + 1 / step}) + "\\n")
                    curve.flush()
            json.dump({"loss": target}, open(os.path.join(d, "metrics.json"), "w"))
            """,
            """
            n_trials: 4
            n_jobs: 1
            sampler:
              _target_: optuna.samplers.RandomSampler
              seed: 2
            pruner:
              _target_: optuna.pruners.MedianPruner
              n_startup_trials: 2
              n_warmup_steps: 2
            """);
    CliRun run = sweep(conf, "+hparams_search=search");
    assertEquals(0, run.exitCode(), run.err());
    Path sweep = sweepDir(conf);
    List<String> states =
        AdaptiveSweepIT.events(sweep, "end").stream().map(e -> e.get("state").asText()).toList();
    assertEquals(List.of("COMPLETE", "COMPLETE", "COMPLETE", "PRUNED"), states);
    assertEquals(JobState.PRUNED, status(sweep, 3).state());
    // Stopped early: fewer than its 10 steps logged.
    assertTrue(Files.readAllLines(sweep.resolve("3/metrics.jsonl")).size() < 10);
    // status, which asks SLURM (CANCELLED), keeps hydra4j's PRUNED.
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("PRUNED"), status.out());
    assertEquals(JobState.PRUNED, status(sweep, 3).state());
  }
}
