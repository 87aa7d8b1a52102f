package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.Version;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.YamlWriter;
import dev.hydra4j.launch.FailurePolicy;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.ProgressReporter;
import dev.hydra4j.launch.SigintHandler;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.GitInfo;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.RunDirectory;
import dev.hydra4j.run.RunLayout;
import dev.hydra4j.run.RunRecord;
import dev.hydra4j.run.SweepState;
import dev.hydra4j.search.AdaptiveStudy;
import dev.hydra4j.sweep.PlannedJob;
import dev.hydra4j.sweep.SweepPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --multirun}: plan the sweep, compose and check every job, then create the sweep directory
 * and hand the jobs to the launcher, each job's files written just before it starts (so a
 * 100,000-job sweep never holds all its configs at once).
 */
public final class Multirun {

  private static final int MAX_ERRORS_SHOWN = 10;

  private Multirun() {}

  /** Runs the sweep and returns the exit code. */
  public static int run(LaunchRequest request) {
    CompletableFuture<GitInfo> git = GitInfo.readSoon(Path.of("").toAbsolutePath());
    ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
    Composer composer = Composers.create(request.searchPath(), now);
    List<ParsedOverride> overrides = Composers.parse(request.overrides());
    Composition base =
        composer.compose(
            request.configName(),
            overrides.stream().filter(o -> !o.isSweep()).toList(),
            RunMode.MULTIRUN);
    if (AdaptiveStudy.isOptuna(base.config())) {
      return AdaptiveSweep.run(request, composer, overrides, base, now, git);
    }
    SweepPlan plan =
        SweepPlan.create(composer, request.configName(), overrides, request.sweepOptions());
    String wanted = new HydraSettings(base).text("hydra.sweep.dir", "multirun");
    Path wantedDir = Path.of(wanted);
    RunDirectory.requireWritable(wantedDir, "hydra.sweep.dir");
    Path wantedAbs = wantedDir.toAbsolutePath().normalize();
    LaunchSettings launch = new LaunchSettings(base, request.waitForJobs()).checked(wantedAbs);
    CheckedJobs checked = new CheckedJobs(wantedAbs);
    List<String> jobDirs =
        validateAll(
            plan,
            new JobPreparer(
                composer, request.configName(), RunMode.MULTIRUN, wantedAbs, request.command()),
            wantedAbs,
            launch,
            checked);
    launch.preflight();

    Path sweepDir = RunDirectory.createExclusive(wantedDir, "hydra.sweep.dir");
    JobPreparer preparer =
        new JobPreparer(
            composer, request.configName(), RunMode.MULTIRUN, sweepDir, request.command());
    try (SweepLock lock = SweepLock.acquire(sweepDir)) {
      try {
        List<SavedPlan.Job> jobs = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
          PlannedJob job = plan.job(i);
          jobs.add(new SavedPlan.Job(job.num(), jobDirs.get(i), job.texts()));
        }
        writeSweepFiles(
            sweepDir, base, jobs, plan.gridSize(), request, now, launch.name(), git.join());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      request.err().println("hydra4j: sweep of " + plan.size() + " jobs in " + display(sweepDir));
      Map<Integer, Path> allJobDirs = new HashMap<>();
      for (int i = 0; i < plan.size(); i++) {
        allJobDirs.put(plan.job(i).num(), sweepDir.resolve(jobDirs.get(i)));
      }
      return launch(
          sweepDir, PlannedJobs.of(plan), preparer, checked, launch, allJobDirs, request.err());
    }
  }

  /**
   * Launches {@code plan}'s jobs in batches of {@code hydra.sweeper.max_batch_size}.
   *
   * @param checked jobs already composed and checked for this sweep directory, or {@link
   *     CheckedJobs#NONE}
   * @param allJobDirs every job of the sweep by number, those not run now included, so that {@code
   *     summary.json} and the exit code describe the whole sweep
   */
  static int launch(
      Path sweepDir,
      PlannedJobs plan,
      JobPreparer preparer,
      CheckedJobs checked,
      LaunchSettings launch,
      Map<Integer, Path> allJobDirs,
      java.io.PrintStream err) {
    Launcher launcher = launch.launcher();
    try {
      plan = StageGate.admit(sweepDir, plan, launcher.waitsForUpstream(), allJobDirs, err);
    } catch (IOException e) {
      return ioFailure(sweepDir, e.toString(), err);
    }
    int total = plan.size();
    LaunchOptions options = launch.options(sweepDir).withProgress(ProgressReporter.auto(err));
    FailurePolicy policy = options.failurePolicy();
    int batch = launch.maxBatchSize() == 0 ? Math.max(1, total) : launch.maxBatchSize();
    SweepResult result = null;
    int failures = 0;
    try (SigintHandler sigint = SigintHandler.install(options.stop())) {
      // A stage whose jobs were all SKIPPED still gets its summary: one empty launch.
      for (int from = 0; from < total || from == 0; from += batch) {
        int to = Math.min(total, from + batch);
        JobSource source =
            new PreparingSource(plan, preparer, checked, from, to, launcher.needsFlushedJobFiles());
        // The failure policy counts over the whole launch, not batch by batch.
        result =
            launcher.launch(
                source,
                options
                    .withPrevious(SweepState.read(sweepDir, allJobDirs))
                    .withFailurePolicy(
                        policy.maxFailures() == Integer.MAX_VALUE
                            ? policy
                            : FailurePolicy.maxFailures(policy.maxFailures() - failures)));
        if (result.interrupted() || result.ioFailure() != null) {
          break;
        }
        failures += failuresAmong(result, plan, from, to);
        if (policy.stopsAt(failures) && to < total) {
          err.println(
              "hydra4j: stopping after "
                  + failures
                  + " failed job(s); the "
                  + (total - to)
                  + " jobs of later batches are not started");
          break;
        }
      }
    } catch (IOException e) {
      return ioFailure(sweepDir, e.toString(), err);
    }
    if (result == null || !result.detached()) {
      // Jobs go on after a detached launch; its launcher said what it handed over, last.
      err.println(
          "hydra4j: "
              + (result == null ? "no jobs" : result.counts().describeEnded())
              + " — results in "
              + display(sweepDir));
    }
    if (result != null && result.ioFailure() != null) {
      return ioFailure(sweepDir, result.ioFailure(), err);
    }
    if (result != null && result.interrupted()) {
      err.println("hydra4j: interrupted; continue with: hydra4j resume " + display(sweepDir));
    } else if (result != null
        && result.exitCode() != 0
        // A pipeline's stage: the pipeline says how to go on, for the stages after it too.
        && !java.nio.file.Files.exists(sweepDir.resolve(dev.hydra4j.run.StageLinks.NAME))) {
      boolean unstarted =
          result.counts().get(dev.hydra4j.run.JobState.PENDING) > 0
              || result.counts().get(dev.hydra4j.run.JobState.INTERRUPTED) > 0;
      boolean timedOut = result.counts().get(dev.hydra4j.run.JobState.TIMEOUT) > 0;
      err.println(
          "hydra4j: see the failures with: hydra4j status "
              + display(sweepDir)
              + (unstarted
                  ? "; run every unfinished job with: hydra4j resume " + display(sweepDir)
                  : "; run them again with: hydra4j rerun --failed " + display(sweepDir))
              + (timedOut
                  ? " (give timed-out jobs more time by adding"
                      + " hydra.launcher.timeout_min=<minutes>)"
                  : ""));
    }
    return result == null ? 0 : result.exitCode();
  }

  /**
   * The sweep's files could not be written: say so, and how to continue once there is room. Every
   * job that ended before is recorded; the others run again on resume.
   */
  private static int ioFailure(Path sweepDir, String why, java.io.PrintStream err) {
    err.println(
        "hydra4j: error: cannot write the sweep's files in " + display(sweepDir) + ": " + why);
    err.println(
        "hydra4j: no more jobs were started; every job that ended is recorded."
            + " Free some space (or fix the permissions), then continue with: hydra4j resume "
            + display(sweepDir));
    return SweepResult.EXIT_IO_FAILURE;
  }

  /** Jobs {@code from..to} of {@code plan} that failed, as the failure policy counts them. */
  private static int failuresAmong(SweepResult result, PlannedJobs plan, int from, int to) {
    Map<Integer, JobState> states = new HashMap<>();
    result.jobs().forEach(s -> states.put(s.num(), s.state()));
    int failed = 0;
    for (int i = from; i < to; i++) {
      JobState state = states.getOrDefault(plan.job(i).num(), JobState.PENDING);
      if (state.isTerminal() && !state.isSuccess() && state != JobState.INTERRUPTED) {
        failed++;
      }
    }
    return failed;
  }

  /**
   * Composes and checks every job (its launcher settings too), reporting all that fail, not only
   * the first; returns each job's directory relative to {@code root}.
   */
  static List<String> validateAll(
      SweepPlan plan, JobPreparer preparer, Path root, LaunchSettings launch) {
    return validateAll(plan, preparer, root, launch, CheckedJobs.NONE);
  }

  /** As above; the composed jobs also go to {@code checked}, for their launch. */
  static List<String> validateAll(
      SweepPlan plan, JobPreparer preparer, Path root, LaunchSettings launch, CheckedJobs checked) {
    Map<Integer, ConfigException> errors = new LinkedHashMap<>();
    List<String> dirs = new ArrayList<>(plan.size());
    // The program is looked up once per distinct word: it can come from a swept value.
    Set<String> programsFound = new HashSet<>();
    for (int i = 0; i < plan.size(); i++) {
      PlannedJob job = plan.job(i);
      try {
        PreparedJob prepared = preparer.prepare(job.num(), job.overrides());
        String program = prepared.argv().isEmpty() ? null : prepared.argv().get(0);
        if (program != null
            && programsFound.add(
                program.contains("/") && !program.startsWith("/")
                    ? prepared.workingDir() + "\0" + program
                    : program)) {
          launch.checkCommand(prepared);
        }
        launch.check(prepared);
        dirs.add(root.relativize(prepared.jobDir()).toString());
        checked.keep(prepared);
      } catch (ConfigException e) {
        errors.put(job.num(), e);
      }
    }
    if (errors.isEmpty()) {
      JobDirectories.requireDistinct(plan, dirs);
      return dirs;
    }
    if (errors.size() == 1) {
      throw errors.values().iterator().next();
    }
    StringBuilder detail = new StringBuilder();
    int shown = 0;
    for (Map.Entry<Integer, ConfigException> e : errors.entrySet()) {
      if (shown++ == MAX_ERRORS_SHOWN) {
        detail.append("\n  … and ").append(errors.size() - MAX_ERRORS_SHOWN).append(" more");
        break;
      }
      PlannedJob job = plan.jobAt(e.getKey());
      detail
          .append("\n  job ")
          .append(e.getKey())
          .append(" (")
          .append(String.join(" ", job.texts()))
          .append("):\n    ")
          .append(e.getValue().render().replace("\n", "\n    "));
    }
    throw new InvalidJobsException(errors.size(), plan.size(), detail.toString());
  }

  static void writeSweepFiles(
      Path sweepDir,
      Composition base,
      List<SavedPlan.Job> jobs,
      long gridSize,
      LaunchRequest request,
      ZonedDateTime now,
      String launcher,
      GitInfo git)
      throws IOException {
    AtomicFiles.write(
        sweepDir.resolve(RunLayout.MULTIRUN),
        YamlWriter.toYaml(withSweepOverrides(base.config(), request.overrides())));
    new SavedPlan(
            Version.VALUE,
            request.configName(),
            request.searchPath().directories().stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .toList(),
            Path.of("").toAbsolutePath().toString(),
            request.overrides(),
            request.command(),
            request.sweepOptions(),
            now,
            launcher,
            gridSize,
            jobs)
        .write(sweepDir);
    RunRecord.capture(Version.VALUE, request.argv(), git).write(sweepDir);
    request.label().write(sweepDir);
  }

  /**
   * The sweep's config as Hydra records it in {@code multirun.yaml}: its {@code hydra.overrides}
   * list the command line's overrides, sweeps included.
   */
  private static dev.hydra4j.config.ConfigMap withSweepOverrides(
      dev.hydra4j.config.ConfigMap config, List<String> overrides) {
    List<dev.hydra4j.config.ConfigNode> task = new ArrayList<>();
    List<dev.hydra4j.config.ConfigNode> hydra = new ArrayList<>();
    for (String text : overrides) {
      String key = text.replaceFirst("^[+~]+", "");
      boolean isHydra = key.startsWith("hydra.") || key.startsWith("hydra/");
      (isHydra ? hydra : task).add(new dev.hydra4j.config.ConfigValue(text, Origin.BUILT_IN));
    }
    dev.hydra4j.config.ConfigNode root =
        dev.hydra4j.config.ConfigTree.set(
            config,
            dev.hydra4j.config.ConfigPath.parse("hydra.overrides.task"),
            new dev.hydra4j.config.ConfigList(task, Origin.BUILT_IN));
    root =
        dev.hydra4j.config.ConfigTree.set(
            root,
            dev.hydra4j.config.ConfigPath.parse("hydra.overrides.hydra"),
            new dev.hydra4j.config.ConfigList(hydra, Origin.BUILT_IN));
    return (dev.hydra4j.config.ConfigMap) root;
  }

  static String display(Path dir) {
    return dev.hydra4j.run.RunDirectory.display(dir);
  }

  /** Jobs {@code from..to} of a plan, each prepared and written when the launcher asks. */
  private record PreparingSource(
      PlannedJobs plan, JobPreparer preparer, CheckedJobs checked, int from, int to, boolean flush)
      implements JobSource {

    @Override
    public int size() {
      return to - from;
    }

    @Override
    public JobSpec get(int index) {
      PlannedJob job = plan.job(from + index);
      try {
        PreparedJob prepared = checked.take(job.num(), preparer.root());
        if (prepared == null) {
          prepared = preparer.prepare(job.num(), job.overrides());
        }
        return preparer.write(prepared, flush);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public int num(int index) {
      return plan.job(from + index).num();
    }
  }

  static List<ParsedOverride> reparse(List<String> texts) {
    List<ParsedOverride> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(OverrideParser.parse(t));
    }
    return out;
  }
}
