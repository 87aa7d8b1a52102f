package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StageLinks;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pipeline already on disk: {@code resume} and {@code rerun} on its directory relaunch its stages
 * in order, and a job chosen again takes its dependants with it (with {@code each}, the job of the
 * same number; with {@code all}, the whole dependent stage).
 */
public final class SavedPipeline {

  private final Path dir;
  private final PrintStream err;
  private final List<String> launcherOverrides;
  private final List<String> stages;

  private SavedPipeline(Path dir, PrintStream err, List<String> launcherOverrides) {
    this.dir = dir.toAbsolutePath().normalize();
    this.err = err;
    this.launcherOverrides = List.copyOf(launcherOverrides);
    try {
      this.stages = StageLinks.stagesOf(this.dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code dir} holds a pipeline rather than a single sweep. */
  public static boolean is(Path dir) {
    return StageLinks.isPipeline(dir.toAbsolutePath().normalize());
  }

  public static SavedPipeline open(Path dir, PrintStream err, List<String> launcherOverrides) {
    return new SavedPipeline(dir, err, launcherOverrides);
  }

  /** Relaunches, stage by stage, every job that has not completed. */
  public int resume() {
    int exit = 0;
    for (String stage : stages) {
      int code = stage(stage).resume();
      if (code == SweepResult.EXIT_INTERRUPTED || code == SweepResult.EXIT_IO_FAILURE) {
        return code;
      }
      exit = Math.max(exit, code);
    }
    return finish(exit);
  }

  /** Relaunches the jobs in {@code states} and then every job that depends on them. */
  public int rerun(Set<JobState> states) {
    Map<String, Set<Integer>> chosen = new HashMap<>();
    for (String stage : stages) {
      Path stageDir = dir.resolve(stage);
      SavedPlan plan = SavedPlan.read(stageDir);
      Map<Integer, Path> jobDirs = SweepKill.jobDirs(plan, stageDir);
      Set<Integer> nums = new TreeSet<>();
      try {
        SweepState state = SweepState.read(stageDir, jobDirs);
        for (int num : jobDirs.keySet()) {
          if (states.contains(state.effective(num).state())) {
            nums.add(num);
          }
        }
        for (StageLinks.Link link : state.upstream().links()) {
          Set<Integer> upstream = chosen.getOrDefault(link.stage(), Set.of());
          if (link.each()) {
            upstream.stream().filter(jobDirs::containsKey).forEach(nums::add);
          } else if (!upstream.isEmpty()) {
            nums.addAll(jobDirs.keySet());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      chosen.put(stage, nums);
    }
    if (chosen.values().stream().allMatch(Set::isEmpty)) {
      err.println(
          "hydra4j: no job of " + Multirun.display(dir) + " is " + states + "; nothing to run");
      return 0;
    }
    int exit = 0;
    for (String stage : stages) {
      if (chosen.get(stage).isEmpty()) {
        continue;
      }
      int code = stage(stage).rerunJobs(chosen.get(stage));
      if (code == SweepResult.EXIT_INTERRUPTED || code == SweepResult.EXIT_IO_FAILURE) {
        return code;
      }
      exit = Math.max(exit, code);
    }
    return finish(exit);
  }

  /** Stops every stage's pending and running jobs, the last stage first; returns the exit code. */
  public int kill(PrintStream out) {
    int exit = 0;
    for (int i = stages.size() - 1; i >= 0; i--) {
      out.println("stage " + stages.get(i) + ":");
      exit = Math.max(exit, SweepKill.kill(dir.resolve(stages.get(i)), out));
    }
    return exit;
  }

  private SavedSweep stage(String name) {
    Path stageDir = dir.resolve(name);
    if (!java.nio.file.Files.isDirectory(stageDir)) {
      throw new ConfigException(
          "Stage '" + name + "' of the pipeline has no directory " + stageDir,
          Origin.of(dir.resolve(StageLinks.PIPELINE).toString()),
          "the pipeline directory is incomplete; start the pipeline anew");
    }
    return SavedSweep.open(stageDir, err, launcherOverrides);
  }

  private int finish(int exit) {
    return Math.max(exit, PipelineStatus.summarize(dir, err));
  }
}
