package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.ProgressReporter;
import dev.hydra4j.launch.SigintHandler;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.run.GitInfo;
import dev.hydra4j.run.JobProcess;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.RunDirectory;
import dev.hydra4j.run.SweepState;
import dev.hydra4j.search.AdaptiveStudy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --multirun} with {@code hydra/sweeper=optuna}, and its resume: the jobs are the study's
 * trials, suggested as slots free up (see {@link AdaptiveStudy}). Trial k is job k, in the
 * directory the plan recorded for it.
 */
final class AdaptiveSweep {

  private AdaptiveSweep() {}

  /** {@code --dry-run}: checks the study as a launch would, prints it, writes nothing. */
  static int dryRun(
      LaunchRequest request, Composer composer, List<ParsedOverride> overrides, Composition base) {
    AdaptiveStudy.Plan study = AdaptiveStudy.plan(base.config(), overrides);
    List<ParsedOverride> fixed = fixed(overrides, study);
    Path root =
        Path.of(new HydraSettings(base).text("hydra.sweep.dir", "multirun"))
            .toAbsolutePath()
            .normalize();
    LaunchSettings launch = launchSettings(composer, request.configName(), fixed, false);
    checkProbes(
        study,
        fixed,
        new JobPreparer(composer, request.configName(), RunMode.MULTIRUN, root, request.command()),
        launch);
    study.notices().forEach(n -> request.err().println("hydra4j: note: " + n));
    study.describe().forEach(request.out()::println);
    request
        .err()
        .println(
            "hydra4j: dry run: the trials are suggested as the study runs;"
                + " nothing was written");
    return 0;
  }

  private static void checkProbes(
      AdaptiveStudy.Plan study,
      List<ParsedOverride> fixed,
      JobPreparer preparer,
      LaunchSettings launch) {
    for (List<String> probe : study.probes()) {
      PreparedJob prepared = preparer.prepare(0, withTrial(fixed, probe));
      launch.checkCommand(prepared);
      launch.check(prepared);
    }
  }

  static int run(
      LaunchRequest request,
      Composer composer,
      List<ParsedOverride> overrides,
      Composition base,
      ZonedDateTime now,
      java.util.concurrent.CompletableFuture<GitInfo> git) {
    AdaptiveStudy.Plan study = AdaptiveStudy.plan(base.config(), overrides);
    List<ParsedOverride> fixed = fixed(overrides, study);
    Path wantedDir = Path.of(new HydraSettings(base).text("hydra.sweep.dir", "multirun"));
    RunDirectory.requireWritable(wantedDir, "hydra.sweep.dir");
    Path wantedAbs = wantedDir.toAbsolutePath().normalize();
    LaunchSettings launch =
        launchSettings(composer, request.configName(), fixed, request.waitForJobs())
            .checked(wantedAbs);
    JobPreparer checking =
        new JobPreparer(
            composer, request.configName(), RunMode.MULTIRUN, wantedAbs, request.command());
    checkProbes(study, fixed, checking, launch);
    List<String> dirs = new ArrayList<>();
    for (int n = 0; n < study.nTrials(); n++) {
      Path dir = checking.prepare(n, withTrial(fixed, study.probes().get(0))).jobDir();
      dirs.add(wantedAbs.relativize(dir).toString());
    }
    launch.preflight();
    study.notices().forEach(n -> request.err().println("hydra4j: note: " + n));

    Path sweepDir = RunDirectory.createExclusive(wantedDir, "hydra.sweep.dir");
    Map<Integer, Path> jobDirs = new HashMap<>();
    List<SavedPlan.Job> jobs = new ArrayList<>();
    List<String> fixedTexts = fixed.stream().map(ParsedOverride::input).toList();
    for (int n = 0; n < dirs.size(); n++) {
      jobs.add(new SavedPlan.Job(n, dirs.get(n), fixedTexts));
      jobDirs.put(n, sweepDir.resolve(dirs.get(n)));
    }
    try (SweepLock lock = SweepLock.acquire(sweepDir)) {
      try {
        Multirun.writeSweepFiles(
            sweepDir, base, jobs, study.nTrials(), request, now, launch.name(), git.join());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      request
          .err()
          .println(
              "hydra4j: study of "
                  + study.nTrials()
                  + " trials, "
                  + study.nJobs()
                  + " at a time, in "
                  + Multirun.display(sweepDir));
      AdaptiveStudy opened =
          AdaptiveStudy.start(sweepDir, study, n -> request.err().println("hydra4j: " + n));
      JobPreparer preparer =
          new JobPreparer(
                  composer, request.configName(), RunMode.MULTIRUN, sweepDir, request.command())
              .withSavedDirs(jobDirs);
      return launch(
          sweepDir, opened, opened.unfinished(), preparer, launch, jobDirs, fixed, request.err());
    }
  }

  /**
   * Continues the study of a saved sweep: trials that never ended run again with their parameters,
   * then new trials until the study has its n_trials.
   */
  static int resume(
      Path sweepDir,
      Composer composer,
      SavedPlan saved,
      List<ParsedOverride> launcherOverrides,
      JobPreparer preparer,
      Map<Integer, Path> jobDirs,
      boolean wait,
      PrintStream err) {
    List<ParsedOverride> commandLine = Multirun.reparse(saved.overrides());
    Composition base =
        composer.compose(
            saved.configName(),
            commandLine.stream().filter(o -> !o.isSweep()).toList(),
            RunMode.MULTIRUN);
    AdaptiveStudy.Plan study = AdaptiveStudy.plan(base.config(), commandLine);
    List<ParsedOverride> fixed = new ArrayList<>(fixed(commandLine, study));
    fixed.addAll(launcherOverrides);
    LaunchSettings launch = launchSettings(composer, saved.configName(), fixed, wait);
    if (!launch.followsJobsLeftRunning()) {
      refuseOrphans(sweepDir, jobDirs);
    }
    AdaptiveStudy opened =
        AdaptiveStudy.reopen(sweepDir, study, jobDirs, n -> err.println("hydra4j: " + n));
    List<Integer> todo = opened.unfinished();
    if (todo.isEmpty()) {
      opened.close();
      err.println(
          "hydra4j: every trial of "
              + Multirun.display(sweepDir)
              + " has ended; nothing to resume");
      opened.summary().forEach(err::println);
      return 0;
    }
    err.println(
        "hydra4j: running "
            + todo.size()
            + " of "
            + opened.nTrials()
            + " trials of "
            + Multirun.display(sweepDir));
    return launch(sweepDir, opened, todo, preparer, launch, jobDirs, fixed, err);
  }

  /**
   * Refuses to resume while a trial's process still runs on this machine with no launcher to watch
   * it: running it again would run it twice.
   */
  private static void refuseOrphans(Path sweepDir, Map<Integer, Path> jobDirs) {
    SweepState state = SweepState.read(jobDirs);
    for (Map.Entry<Integer, Path> e : jobDirs.entrySet()) {
      JobStatus status = state.status(e.getKey());
      if (status != null && JobProcess.stillRunning(status, e.getValue())) {
        throw new ConfigException(
            "Trial "
                + e.getKey()
                + " (pid "
                + status.pid()
                + ") is still"
                + " running, though no hydra4j watches it any more",
            Origin.of(sweepDir.toString()),
            "wait for it to end, or stop it (kill " + status.pid() + "), then resume again");
      }
    }
  }

  private static int launch(
      Path sweepDir,
      AdaptiveStudy study,
      List<Integer> numbers,
      JobPreparer preparer,
      LaunchSettings launch,
      Map<Integer, Path> jobDirs,
      List<ParsedOverride> fixed,
      PrintStream err) {
    // A retried trial would be read as FAIL between attempts: a trial runs once.
    LaunchOptions options =
        launch
            .options(sweepDir)
            .withProgress(ProgressReporter.auto(err))
            .withPrevious(SweepState.read(jobDirs))
            .withRetries(0);
    SweepResult result;
    try (SigintHandler sigint = SigintHandler.install(options.stop())) {
      TrialPlan plan = new TrialPlan(sweepDir);
      result =
          launch
              .slotLauncher(study.nJobs())
              .launch(
                  study.jobs(
                      numbers,
                      jobDirs,
                      (num, trial) -> {
                        try {
                          List<ParsedOverride> all = withTrial(fixed, trial);
                          plan.record(num, all.stream().map(ParsedOverride::input).toList());
                          return preparer.write(preparer.prepare(num, all));
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      }),
                  options);
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot write the sweep directory " + sweepDir + ": " + e.getMessage(),
          Origin.of(sweepDir.toString()),
          "check free space and permissions");
    } finally {
      study.close();
    }
    study.summary().forEach(err::println);
    int failedTrials = study.failedTrials();
    err.println(
        "hydra4j: "
            + result.counts().describeEnded()
            + " — results in "
            + Multirun.display(sweepDir));
    if (result.interrupted() || result.exitCode() != 0) {
      err.println("hydra4j: continue the study with: hydra4j resume " + Multirun.display(sweepDir));
    }
    // A trial whose job exited 0 without its objective is a failed trial (Optuna's FAIL): the
    // study must not end with "everything succeeded" when some trials gave no value.
    if (result.exitCode() == 0 && failedTrials > 0) {
      err.println(
          "hydra4j: "
              + failedTrials
              + " trial(s) FAILED: no objective value (see the"
              + " notices above)");
      return SweepResult.EXIT_FAILED;
    }
    return result.exitCode();
  }

  /**
   * plan.json with each trial's overrides filled in as it is suggested, so that status, collect and
   * report show a trial's parameters like any job's.
   */
  private static final class TrialPlan {
    private final Path sweepDir;
    private SavedPlan plan;

    TrialPlan(Path sweepDir) {
      this.sweepDir = sweepDir;
      this.plan = SavedPlan.read(sweepDir);
    }

    synchronized void record(int num, List<String> overrides) throws IOException {
      plan = plan.withOverrides(num, overrides);
      plan.write(sweepDir);
    }
  }

  /** The command line's fixed overrides, then the fixed values of the sweeper's params. */
  private static List<ParsedOverride> fixed(
      List<ParsedOverride> commandLine, AdaptiveStudy.Plan study) {
    List<ParsedOverride> fixed =
        new ArrayList<>(commandLine.stream().filter(o -> !o.isSweep()).toList());
    study.fixedOverrides().forEach(t -> fixed.add(OverrideParser.parse(t)));
    return fixed;
  }

  private static List<ParsedOverride> withTrial(List<ParsedOverride> fixed, List<String> trial) {
    List<ParsedOverride> all = new ArrayList<>(fixed);
    trial.forEach(t -> all.add(OverrideParser.parse(t)));
    return all;
  }

  /**
   * The launch settings of a study. Its trials in flight are the sweeper's n_jobs (which replaces
   * the launcher's), so the launcher must take them one at a time as slots free up.
   */
  private static LaunchSettings launchSettings(
      Composer composer, String configName, List<ParsedOverride> fixed, boolean wait) {
    LaunchSettings launch =
        new LaunchSettings(composer.compose(configName, fixed, RunMode.MULTIRUN), wait);
    if (!launch.runsJobsAsSlotsFree()) {
      throw new ConfigException(
          "The optuna sweeper cannot run its trials with the launcher '" + launch.name() + "'",
          Origin.of("hydra/launcher"),
          "use hydra/launcher=local or hydra/launcher=slurm for a study, or the basic sweeper"
              + " with this launcher (a study suggests its trials one by one as slots free up,"
              + " which this launcher cannot take)");
    }
    return launch;
  }
}
