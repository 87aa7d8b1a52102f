package dev.hydra4j.search;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.PythonFloat;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code hydra/sweeper=optuna}: an adaptive study whose trials are a sweep's jobs, job k being
 * trial k. {@link #plan} reads and checks the settings and the search space; {@link #start} or
 * {@link #reopen} binds them to a sweep directory's study file; {@link #jobs} hands the launcher
 * the trials to run, each suggested when a slot frees up.
 */
public final class AdaptiveStudy implements AutoCloseable {

  /** Writes a trial's job (its {@code .hydra/} files) and returns what the launcher runs. */
  public interface TrialJobs {
    JobSpec prepare(int number, List<String> trialOverrides);
  }

  /** A checked study setup: nothing is written yet. */
  public static final class Plan {
    private final SweeperSettings settings;
    private final SearchSpace space;
    private final List<String> fixed;
    private final int nTrials;

    private Plan(SweeperSettings settings, SearchSpace space, List<String> fixed, int nTrials) {
      this.settings = settings;
      this.space = space;
      this.fixed = fixed;
      this.nTrials = nTrials;
    }

    public int nTrials() {
      return nTrials;
    }

    /** Trials in flight at once ({@code hydra.sweeper.n_jobs}). */
    public int nJobs() {
      return settings.nJobs();
    }

    /** Fixed values from {@code hydra.sweeper.params}, given to every trial first. */
    public List<String> fixedOverrides() {
      return fixed;
    }

    public List<String> notices() {
      return settings.notices();
    }

    /** The study in words, for {@code --dry-run}: settings, then one line per parameter. */
    public List<String> describe() {
      List<String> out = new ArrayList<>();
      List<String> goals = new ArrayList<>();
      for (int i = 0; i < settings.objectives().size(); i++) {
        goals.add(
            settings.objectives().get(i)
                + " ("
                + (settings.directions().maximize().get(i) ? "maximize" : "minimize")
                + ")");
      }
      out.add(
          "study of "
              + nTrials
              + " trials, "
              + settings.nJobs()
              + " at a time, sampler "
              + settings.samplerKind()
              + (settings.seed() == null ? "" : " (seed " + settings.seed() + ")")
              + ", pruner "
              + (settings.pruner() instanceof Pruner.None
                  ? "none"
                  : settings.pruner().getClass().getSimpleName()));
      out.add("objective " + String.join(", ", goals));
      for (String f : fixed) {
        out.add("  " + f);
      }
      for (SearchSpace.Param p : space.params()) {
        out.add("  " + p.name() + ": " + describe(p.distribution()));
      }
      return out;
    }

    private static String describe(Distribution d) {
      if (d instanceof Distribution.Categorical c) {
        return "one of " + c.choices().stream().map(i -> i.text()).toList();
      }
      if (d instanceof Distribution.IntRange r) {
        return (r.log() ? "log-scaled " : "")
            + "int in ["
            + r.low()
            + ", "
            + r.high()
            + "]"
            + (r.step() > 1 ? " step " + r.step() : "");
      }
      Distribution.FloatRange f = (Distribution.FloatRange) d;
      return (f.log() ? "log-scaled " : "")
          + "float in ["
          + PythonFloat.repr(f.low())
          + ", "
          + PythonFloat.repr(f.high())
          + "]"
          + (f.step() > 0 ? " step " + PythonFloat.repr(f.step()) : "");
    }

    /** Trials at the two ends of every range, to check that any trial composes. */
    public List<List<String>> probes() {
      List<List<String>> out = new ArrayList<>();
      for (boolean high : new boolean[] {false, true}) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SearchSpace.Param p : space.params()) {
          values.put(p.name(), end(p.distribution(), high));
        }
        out.add(space.overrides(values));
      }
      return out;
    }

    private static Object end(Distribution d, boolean high) {
      if (d instanceof Distribution.Categorical c) {
        return c.choices().get(high ? c.choices().size() - 1 : 0).value();
      }
      double[] b = Distribution.internalBounds(d);
      return Distribution.fromInternal(d, high ? b[1] : b[0]);
    }
  }

  private final Study study;
  private final Plan plan;
  private final StudyLog log;
  private final StudyLog.Header header;
  private final Consumer<String> notice;
  private PruneWatcher watcher;
  private Map<Integer, Path> jobDirs = Map.of();

  private AdaptiveStudy(
      Plan plan,
      StudyLog log,
      StudyLog.Header header,
      Map<Integer, Trial> trials,
      Consumer<String> notice) {
    this.plan = plan;
    this.log = log;
    this.header = header;
    this.notice = notice;
    this.study =
        new Study(
            plan.space,
            plan.settings.newSampler(header.seed()),
            plan.settings.directions(),
            plan.settings.objectives(),
            log,
            trials,
            notice);
  }

  /** Whether the composed config's {@code hydra.sweeper} is the Optuna sweeper. */
  public static boolean isOptuna(ConfigMap config) {
    return config.get("hydra") instanceof ConfigMap hydra
        && SweeperSettings.isOptuna(hydra.get("sweeper"));
  }

  /** Whether {@code sweepDir} holds a study. */
  public static boolean exists(Path sweepDir) {
    return StudyLog.exists(sweepDir);
  }

  /**
   * Reads {@code hydra.sweeper} of {@code config} and the search space: its {@code params}, then
   * the command line's sweeps (which win for the same key).
   */
  public static Plan plan(ConfigMap config, List<ParsedOverride> commandLine) {
    ConfigMap sweeper = (ConfigMap) ((ConfigMap) config.get("hydra")).get("sweeper");
    SweeperSettings settings = SweeperSettings.of(sweeper, config.get("optimized_metric"));
    Map<String, ParsedOverride> byKey = new LinkedHashMap<>();
    if (sweeper.get("params") instanceof ConfigMap params) {
      for (Map.Entry<String, ConfigNode> e : params.entries().entrySet()) {
        Object value = e.getValue() instanceof ConfigValue v ? v.value() : null;
        try {
          ParsedOverride o =
              OverrideParser.parse(e.getKey() + "=" + (value == null ? "null" : value));
          byKey.put(o.keyWithPackage(), o);
        } catch (ConfigException ex) {
          throw new ConfigException(
              "Invalid search parameter hydra.sweeper.params."
                  + e.getKey()
                  + ": "
                  + ex.getMessage(),
              e.getValue().origin(),
              ex.hint(),
              ex);
        }
      }
    } else if (sweeper.get("params") != null
        && !(sweeper.get("params") instanceof ConfigValue v && v.value() == null)) {
      ConfigNode p = sweeper.get("params");
      throw new ConfigException(
          "hydra.sweeper.params must be a mapping of key to search" + " grammar",
          p.origin(),
          "e.g. params: {lr: 'tag(log, interval(1e-4, 1e-1))'}");
    }
    for (ParsedOverride o : commandLine) {
      byKey.remove(o.keyWithPackage());
      if (o.isSweep()) {
        byKey.put(o.keyWithPackage(), o);
      }
    }
    List<String> fixed =
        byKey.values().stream().filter(o -> !o.isSweep()).map(ParsedOverride::input).toList();
    SearchSpace space = SearchSpace.of(new ArrayList<>(byKey.values()));
    int nTrials = settings.nTrials();
    Sampler probe = settings.newSampler(0);
    if (probe.capacity(space) < nTrials) {
      settings
          .notices()
          .add(
              "the grid has "
                  + probe.capacity(space)
                  + " points: running "
                  + probe.capacity(space)
                  + " trials, not "
                  + nTrials);
      nTrials = probe.capacity(space);
    }
    return new Plan(settings, space, fixed, nTrials);
  }

  /** Starts the study file of a new sweep. */
  public static AdaptiveStudy start(Path sweepDir, Plan plan, Consumer<String> notice) {
    long seed =
        plan.settings.seed() != null
            ? plan.settings.seed()
            : new SecureRandom().nextLong() & 0xFFFFFFFFL;
    String name =
        plan.settings.studyName() != null
            ? plan.settings.studyName()
            : sweepDir.getFileName().toString();
    StudyLog.Header header =
        new StudyLog.Header(
            name,
            plan.settings.objectives(),
            plan.settings.directions().maximize(),
            seed,
            plan.nTrials,
            plan.settings.samplerKind());
    try {
      return new AdaptiveStudy(plan, StudyLog.create(sweepDir, header), header, Map.of(), notice);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a sweep's study to continue it: its seed and trial count as first recorded, and every
   * trial whose job ended while no launcher watched it recorded now.
   */
  public static AdaptiveStudy reopen(
      Path sweepDir, Plan plan, Map<Integer, Path> jobDirs, Consumer<String> notice) {
    StudyLog.Contents contents = StudyLog.read(sweepDir);
    Plan recorded = new Plan(plan.settings, plan.space, plan.fixed, contents.header().nTrials());
    try {
      AdaptiveStudy study =
          new AdaptiveStudy(
              recorded, StudyLog.append(sweepDir), contents.header(), contents.trials(), notice);
      TrialSource.refresh(study.study, jobDirs);
      return study;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int nTrials() {
    return plan.nTrials;
  }

  /** Trials in flight at once ({@code hydra.sweeper.n_jobs}). */
  public int nJobs() {
    return plan.nJobs();
  }

  /**
   * The trials still to run, in number order: those that never ended (their job was stopped with
   * the launcher: they run again with the same parameters) and those never started.
   */
  public List<Integer> unfinished() {
    List<Integer> out = new ArrayList<>();
    for (int n = 0; n < plan.nTrials; n++) {
      Trial t = study.trial(n);
      if (t == null || t.state() == TrialState.RUNNING) {
        out.add(n);
      }
    }
    return out;
  }

  /** The launcher's jobs for trials {@code numbers}; starts the pruner's watch. */
  public JobSource jobs(List<Integer> numbers, Map<Integer, Path> dirs, TrialJobs jobs) {
    this.jobDirs = Map.copyOf(dirs);
    watcher = new PruneWatcher(study, plan.settings.pruner(), jobDirs, notice);
    return new TrialSource(study, numbers, jobDirs, jobs);
  }

  /**
   * How many trials ended FAIL: their job failed, or it completed without reporting the objective.
   * Such a trial is a failed job for the exit code, though the study goes on.
   */
  public int failedTrials() {
    int failed = 0;
    for (Trial t : study.trials()) {
      if (t.state() == TrialState.FAIL) {
        failed++;
      }
    }
    return failed;
  }

  /** The study in a few lines: counts, then the best trial or the Pareto front. */
  public List<String> summary() {
    return StudySummary.lines(header, study.trials(), study.directions(), study.space());
  }

  /** The summary of the study in {@code sweepDir}, read from its file alone. */
  public static List<String> summary(Path sweepDir) {
    StudyLog.Contents c = StudyLog.read(sweepDir);
    return StudySummary.lines(
        c.header(), List.copyOf(c.trials().values()), new Directions(c.header().maximize()), null);
  }

  /** Records the trials that ended last, stops the pruner's watch and closes the file. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    TrialSource.refresh(study, jobDirs);
    try {
      log.close();
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot close the study file: " + e.getMessage(),
          Origin.of(StudyLog.NAME),
          "check free space");
    }
  }
}
