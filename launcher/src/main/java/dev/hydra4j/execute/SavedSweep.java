package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.YamlWriter;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.launch.registry.Launchers;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusRepair;
import dev.hydra4j.run.SweepState;
import dev.hydra4j.search.AdaptiveStudy;
import dev.hydra4j.sweep.PlannedJob;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep already on disk, rebuilt from its {@code plan.json}: {@code resume} (every job not
 * COMPLETED), {@code rerun} (jobs in chosen states) and {@code run-job} (one job, in the
 * foreground). Jobs keep their numbers and directories, and a completed job never runs again unless
 * asked for by state.
 */
public final class SavedSweep {

  /** How long resume and rerun wait for a scheduler that does not answer. */
  private static final java.time.Duration ENGINE_PATIENCE = java.time.Duration.ofSeconds(60);

  private final Path sweepDir;
  private final SavedPlan plan;
  private final Composer composer;
  private final PrintStream err;

  private List<ParsedOverride> launcherOverrides = List.of();
  private boolean waitForJobs;

  /** {@code --wait}: follow a SLURM sweep's new jobs until they end, as a new sweep would. */
  public SavedSweep following(boolean wait) {
    this.waitForJobs = wait;
    return this;
  }

  private SavedSweep(Path sweepDir, PrintStream err) {
    if (!Files.isDirectory(sweepDir)) {
      throw new ConfigException(
          "'" + sweepDir + "' does not exist",
          Origin.of(sweepDir.toString()),
          "give a sweep directory such as multirun/2026-01-31/12-00-00");
    }
    this.sweepDir = sweepDir.toAbsolutePath().normalize();
    this.plan = SavedPlan.read(this.sweepDir);
    this.err = err;
    List<Path> dirs = plan.searchPath().stream().map(Path::of).toList();
    this.composer = Composers.create(new SearchPath(dirs, true), plan.now());
    Path cwd = Path.of("").toAbsolutePath();
    if (!cwd.toString().equals(plan.workingDir())) {
      throw new ConfigException(
          "This sweep was started in " + plan.workingDir() + ", not here",
          Origin.of(sweepDir.toString()),
          "cd " + plan.workingDir() + " first: relative paths in its commands start there");
    }
  }

  public static SavedSweep open(Path sweepDir, PrintStream err) {
    return new SavedSweep(sweepDir, err);
  }

  /**
   * A saved sweep whose launcher settings change for this launch, e.g. {@code
   * hydra.launcher.timeout_min=120} to rerun jobs that timed out. Only {@code hydra.launcher.*} may
   * change: anything else would give the jobs other configs.
   */
  public static SavedSweep open(Path sweepDir, PrintStream err, List<String> launcherOverrides) {
    SavedSweep sweep = new SavedSweep(sweepDir, err);
    List<ParsedOverride> parsed = Composers.parse(launcherOverrides);
    for (ParsedOverride o : parsed) {
      if (!o.key().startsWith("hydra.launcher.") || o.isSweep()) {
        throw new ConfigException(
            "'" + o.input() + "' would change the jobs, not how they run",
            Origin.ofOverride(o.input()),
            "only hydra.launcher.* settings can change when a"
                + " sweep is resumed, e.g. hydra.launcher.timeout_min=120; for other values"
                + " start a new sweep");
      }
    }
    sweep.launcherOverrides = parsed;
    return sweep;
  }

  /** Runs every job that has not COMPLETED; returns the exit code. */
  public int resume() {
    try (SweepLock lock = SweepLock.acquire(sweepDir)) {
      return resumeLocked();
    }
  }

  private int resumeLocked() {
    if (AdaptiveStudy.exists(sweepDir)) {
      return AdaptiveSweep.resume(
          sweepDir, composer, plan, launcherOverrides, preparer(), jobDirs(), waitForJobs, err);
    }
    SweepState state = state();
    List<PlannedJob> chosen = new ArrayList<>();
    for (SavedPlan.Job job : plan.jobs()) {
      JobStatus status = state.status(job.num());
      if (status == null || status.state() != JobState.COMPLETED) {
        chosen.add(planned(job));
      }
    }
    if (chosen.isEmpty()) {
      err.println(
          "hydra4j: every job of "
              + Multirun.display(sweepDir)
              + " has COMPLETED; nothing to resume");
      return 0;
    }
    return launch(chosen, state);
  }

  /** Runs again exactly the jobs whose state is one of {@code states}. */
  public int rerun(Set<JobState> states) {
    try (SweepLock lock = SweepLock.acquire(sweepDir)) {
      return rerunLocked(states);
    }
  }

  private int rerunLocked(Set<JobState> states) {
    refuseStudy("rerun");
    SweepState state = state();
    List<PlannedJob> chosen = new ArrayList<>();
    for (SavedPlan.Job job : plan.jobs()) {
      JobStatus status = state.status(job.num());
      JobState current = status == null ? JobState.PENDING : status.state();
      if (states.contains(current)) {
        chosen.add(planned(job));
      }
    }
    if (chosen.isEmpty()) {
      err.println(
          "hydra4j: no job of "
              + Multirun.display(sweepDir)
              + " is "
              + states
              + "; nothing to run");
      return 0;
    }
    return launch(chosen, state);
  }

  /** Runs again exactly the jobs {@code nums}: a pipeline's chosen jobs and their dependants. */
  public int rerunJobs(Set<Integer> nums) {
    try (SweepLock lock = SweepLock.acquire(sweepDir)) {
      refuseStudy("rerun");
      SweepState state = state();
      List<PlannedJob> chosen = new ArrayList<>();
      for (SavedPlan.Job job : plan.jobs()) {
        if (nums.contains(job.num())) {
          chosen.add(planned(job));
        }
      }
      return chosen.isEmpty() ? 0 : launch(chosen, state);
    }
  }

  /** Runs one job in the foreground, its output shown live. */
  public int runJob(int num, PrintStream out) {
    SavedPlan.Job job = plan.job(num);
    if (job == null) {
      throw new ConfigException(
          "Job " + num + " is not part of this sweep",
          Origin.of(sweepDir.toString()),
          "its jobs are numbered "
              + plan.jobs().get(0).num()
              + " to "
              + plan.jobs().get(plan.jobs().size() - 1).num());
    }
    refuseStudy("run-job");
    JobPreparer preparer = preparer();
    PlannedJob planned = planned(job);
    try (SweepLock lock = SweepLock.acquire(sweepDir)) {
      SweepState state = state();
      checkNotRunning(List.of(planned), state);
      checkUnchanged(List.of(planned), preparer, state);
      var checked = launchSettings().options(sweepDir);
      var spec = preparer.write(preparer.prepare(num, planned.overrides()), false);
      var options =
          checked.withProgress(new EchoProgress(spec.jobDir(), out, err)).withPrevious(state);
      SweepResult result;
      try (var sigint = dev.hydra4j.launch.SigintHandler.install(options.stop())) {
        result =
            dev.hydra4j.launch.registry.Launchers.oneJobHere()
                .launch(dev.hydra4j.launch.JobSource.of(List.of(spec)), options);
      }
      // The launch's exit code covers the whole sweep; this command ran one job, and other
      // jobs that failed earlier must not turn its success into exit code 1.
      JobStatus ran =
          result.jobs().stream()
              .filter(s -> s.num() == num)
              .findFirst()
              .orElse(JobStatus.pending(num));
      err.println(
          "hydra4j: job "
              + num
              + " "
              + ran.state()
              + (ran.exitCode() == null ? "" : " (exit code " + ran.exitCode() + ")"));
      return result.interrupted()
          ? SweepResult.EXIT_INTERRUPTED
          : ran.state() == JobState.COMPLETED ? SweepResult.EXIT_OK : SweepResult.EXIT_FAILED;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A study's trial runs with the parameters its study file holds: only resume knows them. */
  private void refuseStudy(String command) {
    if (AdaptiveStudy.exists(sweepDir)) {
      throw new ConfigException(
          "'" + command + "' cannot run trials of a study (hydra/sweeper" + "=optuna) one by one",
          Origin.of(sweepDir.toString()),
          "continue the study with: hydra4j resume " + Multirun.display(sweepDir));
    }
  }

  private int launch(List<PlannedJob> chosen, SweepState state) {
    // The launcher settings of this launch (overrides included) are checked before anything.
    LaunchSettings settings = launchSettings().checked(sweepDir);
    JobPreparer preparer = preparer();
    checkNotRunning(chosen, state);
    checkUnchanged(chosen, preparer, state);
    checkComposable(chosen, preparer);
    err.println(
        "hydra4j: running "
            + chosen.size()
            + " of "
            + plan.jobs().size()
            + " jobs of "
            + Multirun.display(sweepDir));
    return Multirun.launch(
        sweepDir, PlannedJobs.of(chosen), preparer, CheckedJobs.NONE, settings, jobDirs(), err);
  }

  /**
   * Refuses to start a job whose process still runs on this machine: its launcher was killed (so
   * its status still says RUNNING) but the task lives on, and a second copy would write into the
   * same directory. A RUNNING job whose process is gone is fair game.
   */
  private void checkNotRunning(List<PlannedJob> jobs, SweepState state) {
    List<String> alive = new ArrayList<>();
    for (PlannedJob job : jobs) {
      JobStatus status = state.status(job.num());
      if (dev.hydra4j.run.JobProcess.stillRunning(
          status, sweepDir.resolve(plan.job(job.num()).dir()))) {
        alive.add("job " + job.num() + " (pid " + status.pid() + ")");
      }
    }
    if (!alive.isEmpty()) {
      throw new ConfigException(
          "The process of "
              + String.join(", ", alive)
              + " is still running, though no hydra4j watches it any more; starting it again"
              + " would run it twice",
          Origin.of(sweepDir.toString()),
          "wait for it to end, or stop it (kill <pid>), then run this again");
    }
  }

  /**
   * Refuses to mix configs: a job whose directory already holds a config must compose to the same
   * config today, or the sweep would hold results of two different setups.
   */
  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private void checkUnchanged(List<PlannedJob> jobs, JobPreparer preparer, SweepState state) {
    List<String> changed = new ArrayList<>();
    for (PlannedJob job : jobs) {
      JobStatus status = state.status(job.num());
      if (status.state() == JobState.PENDING && status.attempt() == 0) {
        // Never started: its files (perhaps cut short by a kill) were never used; they are
        // written again.
        continue;
      }
      SavedPlan.Job saved = plan.job(job.num());
      Path existing = sweepDir.resolve(saved.dir()).resolve(".hydra/config.yaml");
      // Missing or empty: the local launcher does not flush .hydra/ files, so a power cut soon
      // after a job ended can leave them empty; it is written again like a missing one.
      if (!Files.exists(existing) || sizeOf(existing) == 0) {
        continue;
      }
      String now = YamlWriter.toYaml(preparer.prepare(job.num(), job.overrides()).config());
      try {
        if (!now.equals(Files.readString(existing))) {
          changed.add(String.valueOf(job.num()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!changed.isEmpty()) {
      throw new ConfigException(
          "The config tree has changed since this sweep was planned:"
              + " job"
              + (changed.size() == 1 ? " " : "s ")
              + String.join(", ", changed.subList(0, Math.min(10, changed.size())))
              + (changed.size() > 10 ? ", …" : "")
              + " would run with a different config",
          Origin.of(sweepDir.resolve(SavedPlan.NAME).toString()),
          "compare with .hydra/config.yaml in the job directory; restore the config files,"
              + " or start a new sweep");
    }
  }

  /**
   * Every chosen job must still compose and resolve, as a new sweep's jobs must, before any runs: a
   * job that cannot would otherwise fail with its reason hidden in the logs.
   */
  private void checkComposable(List<PlannedJob> jobs, JobPreparer preparer) {
    java.util.Map<Integer, ConfigException> errors = new java.util.LinkedHashMap<>();
    for (PlannedJob job : jobs) {
      try {
        preparer.prepare(job.num(), job.overrides());
      } catch (ConfigException e) {
        errors.put(job.num(), e);
      }
    }
    if (errors.size() == 1) {
      throw errors.values().iterator().next();
    }
    if (!errors.isEmpty()) {
      StringBuilder detail = new StringBuilder();
      errors.forEach(
          (num, e) ->
              detail
                  .append("\n  job ")
                  .append(num)
                  .append(":\n    ")
                  .append(e.render().replace("\n", "\n    ")));
      throw new InvalidJobsException(errors.size(), jobs.size(), detail.toString());
    }
  }

  private PlannedJob planned(SavedPlan.Job job) {
    List<ParsedOverride> overrides = new ArrayList<>(Multirun.reparse(job.overrides()));
    overrides.addAll(launcherOverrides);
    return new PlannedJob(job.num(), overrides);
  }

  private JobPreparer preparer() {
    return new JobPreparer(composer, plan.configName(), RunMode.MULTIRUN, sweepDir, plan.command())
        .withSavedDirs(jobDirs())
        .withStageValues(StageInputs.saved(sweepDir));
  }

  private LaunchSettings launchSettings() {
    List<ParsedOverride> fixed =
        new ArrayList<>(
            Composers.parse(plan.overrides()).stream().filter(o -> !o.isSweep()).toList());
    fixed.addAll(launcherOverrides);
    Composition base = composer.compose(plan.configName(), fixed, RunMode.MULTIRUN);
    return new LaunchSettings(base, waitForJobs);
  }

  /** The state of every job of the plan, those never started (no status file) PENDING. */
  private SweepState state() {
    try {
      // Final states only the engine saw (a job cancelled while pending) go to the status
      // files first, so that resume and rerun choose from the truth.
      Launchers.ofSweep(plan.launcher(), sweepDir)
          .observe(sweepDir, SweepKill.jobDirs(plan, sweepDir), ENGINE_PATIENCE)
          .recordFinalStates();
      SweepState state = SweepState.read(sweepDir, jobDirs());
      // A killed launcher leaves status files behind the journal, and temp files: bring
      // them in line first, so that every reader of the job directories sees the truth.
      StatusRepair.Done repaired = StatusRepair.repair(state);
      if (repaired.rewritten() + repaired.tempsRecovered() + repaired.tempsDeleted() > 0) {
        err.println(
            "hydra4j: repaired after a crash: "
                + repaired.rewritten()
                + " status file(s) rewritten from the journal, "
                + repaired.tempsRecovered()
                + " recovered from temp files, "
                + repaired.tempsDeleted()
                + " temp file(s) deleted");
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<Integer, Path> jobDirs() {
    Map<Integer, Path> dirs = new HashMap<>();
    for (SavedPlan.Job job : plan.jobs()) {
      dirs.put(job.num(), sweepDir.resolve(job.dir()));
    }
    return dirs;
  }
}
