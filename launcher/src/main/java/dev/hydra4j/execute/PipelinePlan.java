package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.pipeline.Dependency;
import dev.hydra4j.pipeline.Pipeline;
import dev.hydra4j.pipeline.Stage;
import dev.hydra4j.run.RunDirectory;
import dev.hydra4j.search.AdaptiveStudy;
import dev.hydra4j.sweep.SweepPlan;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A pipeline planned and checked before anything is written: every stage's sweep composed, every
 * job of every stage validated (its upstream interpolations resolved against the directories its
 * upstream jobs will have), one launcher for all stages, and {@code each} dependencies between
 * stages with the same job numbers.
 */
final class PipelinePlan {

  /**
   * One stage, planned.
   *
   * @param overrides the command line's overrides, then the stage's
   * @param command the stage's command, or the command line's
   * @param dirs each job's directory relative to the stage's sweep directory, in plan order
   */
  record Planned(
      Stage stage,
      Composition base,
      SweepPlan plan,
      List<String> overrides,
      List<String> command,
      List<String> dirs,
      LaunchSettings launch) {

    Map<Integer, Path> jobDirs(Path stageDir) {
      Map<Integer, Path> out = new TreeMap<>();
      for (int i = 0; i < plan.size(); i++) {
        out.put(plan.job(i).num(), stageDir.resolve(dirs.get(i)));
      }
      return out;
    }
  }

  private static final int SHOWN_JOBS = 20;

  final Pipeline pipeline;
  final Composer composer;
  final Path wantedRoot;
  final List<Planned> stages = new ArrayList<>();

  private PipelinePlan(Pipeline pipeline, Composer composer, Path wantedRoot) {
    this.pipeline = pipeline;
    this.composer = composer;
    this.wantedRoot = wantedRoot;
  }

  /** Plans and checks every stage; throws the first problem, located, before anything exists. */
  static PipelinePlan create(LaunchRequest request, Pipeline pipeline, ZonedDateTime now) {
    Composer composer = Composers.create(request.searchPath(), now);
    List<ParsedOverride> common = Composers.parse(request.overrides());
    Composition rootBase = Composers.sweepBase(composer, request.configName(), common);
    Path wanted = Path.of(new HydraSettings(rootBase).text("hydra.sweep.dir", "multirun"));
    RunDirectory.requireWritable(wanted, "hydra.sweep.dir");
    PipelinePlan plan = new PipelinePlan(pipeline, composer, wanted);
    for (Stage stage : pipeline.stages()) {
      try {
        plan.stages.add(plan.planStage(request, stage));
      } catch (ConfigException e) {
        request.err().println("hydra4j: in stage '" + stage.name() + "' (" + stage.origin() + "):");
        throw e;
      }
    }
    return plan;
  }

  Planned planned(String name) {
    return stages.stream().filter(p -> p.stage().name().equals(name)).findFirst().orElseThrow();
  }

  /** The directory of stage {@code name} under {@code root}. */
  static Path stageDir(Path root, String name) {
    return root.resolve(name);
  }

  /** The values a stage's jobs read of its upstream stages, with the pipeline in {@code root}. */
  java.util.function.IntFunction<Map<String, Object>> inputs(Stage stage, Path root) {
    List<StageInputs.Source> sources = new ArrayList<>();
    for (Dependency d : stage.dependsOn()) {
      Path dir = stageDir(root, d.stage());
      sources.add(
          new StageInputs.Source(d.stage(), d.each(), dir, planned(d.stage()).jobDirs(dir)));
    }
    return StageInputs.of(sources);
  }

  private Planned planStage(LaunchRequest request, Stage stage) {
    List<String> texts = new ArrayList<>(request.overrides());
    texts.addAll(stage.overrides());
    List<ParsedOverride> overrides = Composers.parse(texts);
    Composition base = Composers.sweepBase(composer, request.configName(), overrides);
    if (AdaptiveStudy.isOptuna(base.config())) {
      throw new ConfigException(
          "A pipeline stage cannot be an adaptive study (hydra/sweeper=optuna)",
          stage.origin(),
          "run the study as a sweep of its own, then a pipeline over its best values");
    }
    SweepPlan sweep =
        SweepPlan.create(composer, request.configName(), overrides, request.sweepOptions());
    Path dir = stageDir(wantedRoot.toAbsolutePath().normalize(), stage.name());
    LaunchSettings launch = new LaunchSettings(base, false).checked(dir);
    if (!stages.isEmpty() && !stages.get(0).launch().name().equals(launch.name())) {
      throw new ConfigException(
          "Stage '"
              + stage.name()
              + "' runs on the "
              + launch.name()
              + " launcher, stage '"
              + stages.get(0).stage().name()
              + "' on "
              + stages.get(0).launch().name(),
          stage.origin(),
          "run every stage of a pipeline on one launcher: set hydra/launcher on the command"
              + " line, not in one stage");
    }
    for (Dependency d : stage.dependsOn()) {
      if (d.each()) {
        requireSameJobs(stage, d, sweep, planned(d.stage()).plan());
      }
    }
    List<String> command = stage.command().isEmpty() ? request.command() : stage.command();
    JobPreparer preparer =
        new JobPreparer(composer, request.configName(), RunMode.MULTIRUN, dir, command)
            .withStageValues(inputs(stage, wantedRoot.toAbsolutePath().normalize()));
    List<String> dirs = Multirun.validateAll(sweep, preparer, dir, launch);
    launch.preflight();
    return new Planned(stage, base, sweep, texts, command, dirs, launch);
  }

  private static void requireSameJobs(
      Stage stage, Dependency d, SweepPlan own, SweepPlan upstream) {
    java.util.SortedSet<Integer> mine = nums(own);
    java.util.SortedSet<Integer> theirs = nums(upstream);
    if (mine.equals(theirs)) {
      return;
    }
    TreeSet<Integer> onlyMine = new TreeSet<>(mine);
    onlyMine.removeAll(theirs);
    TreeSet<Integer> onlyTheirs = new TreeSet<>(theirs);
    onlyTheirs.removeAll(mine);
    throw new ConfigException(
        "Stage '"
            + stage.name()
            + "' runs job i after "
            + d.stage()
            + " job i ('"
            + d.stage()
            + ": each'), but has "
            + mine.size()
            + " jobs to "
            + d.stage()
            + "'s "
            + theirs.size()
            + (onlyMine.isEmpty() ? "" : "; no " + d.stage() + " job " + first(onlyMine))
            + (onlyTheirs.isEmpty() ? "" : "; no " + stage.name() + " job " + first(onlyTheirs)),
        d.origin() == null ? Origin.of(stage.name()) : d.origin(),
        "give "
            + stage.name()
            + " the same sweep as "
            + d.stage()
            + " (repeat its swept overrides), or wait for all of it: depends_on: "
            + d.stage());
  }

  private static String first(java.util.SortedSet<Integer> nums) {
    return nums.size() == 1 ? String.valueOf(nums.first()) : nums.first() + " (and others)";
  }

  private static java.util.SortedSet<Integer> nums(SweepPlan plan) {
    TreeSet<Integer> nums = new TreeSet<>();
    for (int i = 0; i < plan.size(); i++) {
      nums.add(plan.job(i).num());
    }
    return nums;
  }

  /** The stages and their dependencies, for {@code --dry-run}. */
  void describe(java.io.PrintStream out) {
    int total = stages.stream().mapToInt(p -> p.plan().size()).sum();
    out.println(
        "pipeline of "
            + stages.size()
            + " stages, "
            + total
            + " jobs, on the "
            + stages.get(0).launch().name()
            + " launcher, in "
            + wantedRoot
            + "/");
    for (Planned p : stages) {
      StringBuilder deps = new StringBuilder();
      for (Dependency d : p.stage().dependsOn()) {
        deps.append(deps.length() == 0 ? "  after " : "; after ")
            .append(d.each() ? "each job of " : "all of ")
            .append(d.stage())
            .append(d.each() ? " (job i after " + d.stage() + " job i)" : "");
        String wait = p.launch().upstreamWait(d.stage(), d.each());
        if (wait != null) {
          deps.append(": ").append(wait);
        }
      }
      out.printf(
          "  %-12s %5d job%s%s%n",
          p.stage().name(), p.plan().size(), p.plan().size() == 1 ? " " : "s", deps);
      for (int i = 0; i < p.plan().size(); i++) {
        if (i == SHOWN_JOBS && p.plan().size() > SHOWN_JOBS + 1) {
          out.println("      … and " + (p.plan().size() - SHOWN_JOBS) + " more");
          break;
        }
        out.println(
            "      "
                + p.plan().job(i).num()
                + "  "
                + String.join(" ", p.plan().job(i).texts())
                + (p.command().isEmpty() ? "" : "   -- " + String.join(" ", p.command())));
      }
    }
  }
}
