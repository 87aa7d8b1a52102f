package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A study's settings checked before anything runs: a study that cannot run is refused with exit 2,
 * one message naming the override or setting and the fix, and no sweep directory; {@code --dry-run}
 * describes a valid one.
 */
class AdaptiveSweepInputTest {

  @TempDir Path temp;

  private Path conf() throws Exception {
    Path conf = Files.createDirectories(temp.resolve("conf"));
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        defaults:
          - override hydra/sweeper: optuna
          - _self_
        lr: 0.1
        hydra:
          sweeper:
            objective: [loss]
            params:
              lr: interval(0.001, 0.1)
          job:
            command: ['true']
        """);
    return conf;
  }

  @Test
  void dryRunDescribesTheStudyAndWritesNothing() throws Exception {
    Path sweep = temp.resolve("multirun");
    CliRun run =
        CliRun.of(
            "-cp",
            conf().toString(),
            "-m",
            "--dry-run",
            "hydra.sweep.dir=" + sweep,
            "hydra.sweeper.n_trials=7",
            "+width=int(interval(8,64))",
            "+opt=choice(sgd,adam)");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("study of 7 trials, 2 at a time, sampler tpe"), run.out());
    assertTrue(run.out().contains("objective loss (minimize)"), run.out());
    assertTrue(run.out().contains("lr: float in [0.001, 0.1]"), run.out());
    assertTrue(run.out().contains("width: int in [8, 64]"), run.out());
    assertTrue(run.out().contains("opt: one of [sgd, adam]"), run.out());
    assertFalse(Files.exists(sweep), "nothing written");
  }

  @Test
  void aStudyWhoseTrialsReportNoObjectiveExitsOne() throws Exception {
    Path sweep = temp.resolve("multirun");
    // 'true' completes without writing metrics: each trial is a FAIL, and so is the study.
    CliRun run =
        CliRun.of(
            "-cp",
            conf().toString(),
            "-m",
            "hydra.sweep.dir=" + sweep,
            "hydra.sweeper.n_trials=2",
            "hydra.sweeper.n_jobs=1");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("2 trial(s) FAILED: no objective value"), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "log interval from 0 | lr=tag(log,interval(0,1)) | must start above 0",
        "no objective | hydra.sweeper.objective=null | needs the metric to optimize",
        "unknown launcher | hydra.launcher.name=pbs | Unknown launcher 'pbs'",
        "unknown sampler | hydra.sweeper.sampler._target_=optuna.samplers.CmaEsSampler"
            + " | not built into hydra4j",
        "unknown pruner | +hydra.sweeper.pruner._target_=optuna.pruners.HyperbandPruner"
            + " | not built into hydra4j",
        "no trials | hydra.sweeper.n_trials=0 | must be a whole number above 0",
        "bad direction | hydra.sweeper.direction=up | must be minimize or maximize",
        "two directions, one metric | hydra.sweeper.direction=[minimize,maximize]"
            + " | names 1 metric(s) but direction gives 2",
        "glob | lr=glob(*) | cannot search glob",
        "grid over an interval | hydra.sweeper.sampler._target_=optuna.samplers.GridSampler"
            + " | grid sampler cannot list the values of 'lr=interval(0.001, 0.1)'",
        "unknown key | nope=interval(0,1) | no such key",
        "misspelt setting | +hydra.sweeper.n_trial=3 | did you mean 'n_trials'",
      })
  void refusedBeforeAnythingIsWritten(String name, String override, String expected)
      throws Exception {
    Path conf = conf();
    Path sweep = temp.resolve("multirun");
    List<String> args =
        new ArrayList<>(List.of("-cp", conf.toString(), "-m", "hydra.sweep.dir=" + sweep));
    args.add(override.strip());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(expected.strip()), run.err());
    assertTrue(run.err().contains("hint:"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(Files.exists(sweep), "nothing written");
  }
}
