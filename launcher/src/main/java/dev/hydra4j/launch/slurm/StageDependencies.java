package dev.hydra4j.launch.slurm;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StageLinks;
import dev.hydra4j.run.StatusFile;
import dev.hydra4j.run.SweepState;
import dev.hydra4j.run.Upstream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A pipeline stage's arrays wait for its upstream stages' arrays through SLURM itself, so that the
 * whole pipeline is submitted at once: {@code aftercorr:<id>} when the upstream array holds each
 * task's upstream job at the same task index ({@code each}), otherwise {@code afterok} on every
 * upstream array involved; always with {@code --kill-on-invalid-dep=yes}, so that a task whose
 * upstream job failed ends (and reads as SKIPPED) instead of pending forever. Only upstream jobs
 * that have not completed count: a completed one needs no waiting, and SLURM may have forgotten it.
 */
final class StageDependencies {

  private final Upstream upstream;
  private final boolean isStage;
  private final Map<String, SweepState> states = new TreeMap<>();
  private final Map<String, SubmissionLog> logs = new TreeMap<>();

  private StageDependencies(Path sweepDir) throws IOException {
    this.upstream = Upstream.of(sweepDir);
    this.isStage = StageLinks.read(sweepDir) != null;
  }

  static StageDependencies of(Path sweepDir) throws IOException {
    return new StageDependencies(sweepDir);
  }

  /**
   * The sbatch options that make {@code tasks} (one array: job {@code i} in task {@code i /
   * perTask}) wait for their upstream jobs, with {@code after} (an earlier array of the same stage,
   * {@code afterany}) if not null.
   */
  List<String> options(List<ArrayScript.Task> tasks, Long after, int perTask) throws IOException {
    List<String> conditions = new ArrayList<>();
    if (after != null) {
      conditions.add("afterany:" + after);
    }
    for (StageLinks.Link link : upstream.links()) {
      String condition = condition(link, tasks, perTask);
      if (condition != null) {
        conditions.add(condition);
      }
    }
    if (conditions.isEmpty()) {
      return List.of();
    }
    List<String> options = new ArrayList<>();
    options.add("--dependency=" + String.join(",", conditions));
    if (conditions.size() > (after == null ? 0 : 1)) {
      options.add("--kill-on-invalid-dep=yes");
    }
    return options;
  }

  /** What {@link #options} will ask of sbatch for a dependency on {@code stage}, for a preview. */
  static String preview(String stage, boolean each) {
    return "sbatch --dependency="
        + (each ? "aftercorr:<array of " + stage + ">" : "afterok:<arrays of " + stage + ">")
        + " --kill-on-invalid-dep=yes";
  }

  /** The upstream conditions among {@code options}, for the user: ", aftercorr:4711". */
  static String describe(List<String> options) {
    StringBuilder s = new StringBuilder();
    for (String option : options) {
      if (option.startsWith("--dependency=")) {
        for (String c : option.substring("--dependency=".length()).split(",")) {
          if (!c.startsWith("afterany:")) {
            s.append(", ").append(c);
          }
        }
      }
    }
    return s.toString();
  }

  /**
   * With {@code jobs_per_task} K, task {@code t} runs jobs {@code t*K …}: the arrays line up when
   * every job's upstream job sits in the upstream array's task of the same index (a packed task
   * fails when one of its jobs does, so its dependants' task then ends as a whole).
   */
  private String condition(StageLinks.Link link, List<ArrayScript.Task> tasks, int perTask)
      throws IOException {
    Path dir = upstream.dirOf(link);
    SweepState state = states.computeIfAbsent(link.stage(), k -> read(dir));
    SubmissionLog log = logs.computeIfAbsent(link.stage(), k -> SubmissionLog.read(dir));
    Set<Long> ids = new LinkedHashSet<>();
    boolean aligned = true;
    Long only = null;
    if (link.each()) {
      for (int position = 0; position < tasks.size(); position++) {
        int num = tasks.get(position).job().num();
        SubmissionLog.Placement p = unfinished(state, log, num);
        if (p == null) {
          aligned = false;
          continue;
        }
        ids.add(p.array().arrayJobId());
        aligned &= p.task() == position / perTask;
        only = p.array().arrayJobId();
      }
      if (ids.isEmpty()) {
        return null;
      }
      return aligned && ids.size() == 1 ? "aftercorr:" + only : afterok(ids);
    }
    // Every job the upstream stage ever submitted (its directory may hold no status file yet).
    Set<Integer> submitted = new java.util.TreeSet<>();
    log.arrays().forEach(a -> submitted.addAll(a.jobs()));
    for (int num : submitted) {
      SubmissionLog.Placement p = unfinished(state, log, num);
      if (p != null) {
        ids.add(p.array().arrayJobId());
      }
    }
    return ids.isEmpty() ? null : afterok(ids);
  }

  private static String afterok(Set<Long> ids) {
    StringBuilder s = new StringBuilder("afterok");
    ids.forEach(id -> s.append(':').append(id));
    return s.toString();
  }

  /** Where upstream job {@code num} was last submitted, unless it has already completed. */
  private static SubmissionLog.Placement unfinished(SweepState state, SubmissionLog log, int num) {
    if (state.status(num).state().isSuccess()) {
      return null;
    }
    SubmissionLog.Placement p = log.placement(num);
    return p == null || !p.array().submittedOk() ? null : p;
  }

  private static SweepState read(Path dir) {
    try {
      return SweepState.read(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Marks jobs just submitted again as PENDING (their attempt count kept): a stage's dependants
   * decide from the files whether an upstream job failed, and the end of an earlier attempt must
   * not read as the verdict on the one now queued.
   */
  void queued(List<ArrayScript.Task> tasks) throws IOException {
    if (!isStage) {
      return;
    }
    for (ArrayScript.Task task : tasks) {
      Path dir = task.job().jobDir();
      JobStatus before = StatusFile.read(dir, task.job().num());
      if (before.state().isTerminal()) {
        StatusFile.write(
            dir, JobStatus.unstarted(before.num(), JobState.PENDING, before.attempt(), Map.of()));
      }
    }
  }
}
