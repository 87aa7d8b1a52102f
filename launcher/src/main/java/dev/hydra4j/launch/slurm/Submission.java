package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.LauncherLog;
import dev.hydra4j.launch.slurm.SubmissionLog.Placement;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One launch's way to SLURM: leave out the jobs SLURM still holds (so that nothing runs twice),
 * write each remaining job's files, group the jobs into arrays, and for each array write its
 * script, submit it, and record its id in {@code slurm.json} before the next.
 */
final class Submission {

  /**
   * @param jobs the jobs submitted now, by number
   * @param failed jobs that could not even be prepared, with why
   * @param interrupted whether a stop request (Ctrl-C) cut the submission short; the jobs it kept
   *     from being submitted are recorded as such in {@code slurm.json}, so that {@code status} and
   *     {@code resume} know
   * @param arrayIds the SLURM job ids of the arrays submitted now, in order
   */
  record Result(
      Map<Integer, JobSpec> jobs,
      List<JobStatus> failed,
      boolean interrupted,
      List<Long> arrayIds) {}

  /** The error recorded for arrays a stop request kept from being submitted. */
  static final String INTERRUPTED = "not submitted: interrupted (Ctrl-C) before its sbatch";

  private final SlurmClient client;
  private final JobSource jobs;
  private final LaunchOptions options;
  private final Path sweepDir;
  private final LauncherLog log;
  private final List<Long> arrayIds = new ArrayList<>();

  Submission(SlurmClient client, JobSource jobs, LaunchOptions options, LauncherLog log) {
    this.client = client;
    this.jobs = jobs;
    this.options = options;
    this.sweepDir = options.sweepDir().toAbsolutePath();
    this.log = log;
  }

  Result run() throws IOException {
    ArrayScript.checkSweepDir(sweepDir, Origin.of(sweepDir.toString()));
    SubmissionLog submitted = SubmissionLog.read(sweepDir);
    Set<Integer> held = heldBySlurm(client, submitted, jobs, options.previous());
    if (!held.isEmpty()) {
      String which = SweepFollower.describeNums(held);
      options
          .progress()
          .message(
              "hydra4j: job(s) "
                  + which
                  + " are still pending or running in"
                  + " SLURM; not submitting them again");
      log.event("not resubmitted, still held by SLURM: " + which);
    }
    PreparedTasks prepared = PreparedTasks.prepare(jobs, held, options.previous(), log);
    List<ArrayScript.Task> tasks = prepared.tasks();
    List<JobStatus> failed = prepared.failed();
    Map<Integer, JobSpec> specs = new TreeMap<>();
    tasks.forEach(t -> specs.put(t.job().num(), t.job()));
    if (tasks.isEmpty()) {
      return new Result(specs, failed, false, List.of());
    }
    int maxArraySize;
    try {
      maxArraySize = client.config().maxArraySize();
    } catch (ConfigException e) {
      record(submitted, null, null, null, tasks, e.getMessage(), 1);
      throw e;
    }
    List<ArrayScript.Task> left =
        submit(submitted, ArrayPlan.of(prepared.settings(), tasks, maxArraySize));
    left.forEach(t -> specs.remove(t.job().num()));
    return new Result(specs, failed, !left.isEmpty(), List.copyOf(arrayIds));
  }

  /**
   * Submits the arrays in order, each cut to what the cluster's submit limit lets in (see {@link
   * SubmitLimit}). Returns the tasks a stop request kept from being submitted (recorded in {@code
   * slurm.json} as not submitted), none when all were.
   */
  private List<ArrayScript.Task> submit(SubmissionLog submitted, List<ArrayPlan> arrays)
      throws IOException {
    SubmissionLog record = submitted;
    Deque<ArrayPlan> queue = new ArrayDeque<>(arrays);
    SubmitLimit limit = new SubmitLimit(client, options.stop(), options.progress()::message);
    StageDependencies stage = StageDependencies.of(sweepDir);
    ArrayFiles previous = null;
    Long previousId = null;
    while (!queue.isEmpty()) {
      ArrayPlan array = queue.peek();
      if (options.stop().isRequested()) {
        List<ArrayScript.Task> left = new ArrayList<>();
        queue.forEach(a -> left.addAll(a.tasks()));
        record(record, null, null, null, left, INTERRUPTED, 1);
        options
            .progress()
            .message(
                "hydra4j: interrupted; "
                    + left.size()
                    + " job(s) not"
                    + " submitted (jobs "
                    + nums(left)
                    + "): hydra4j resume "
                    + sweepDir
                    + " submits them");
        log.event("interrupted before submitting jobs " + nums(left));
        return left;
      }
      // The submit limit counts array tasks; a packed task runs jobs_per_task jobs.
      int perTask = array.settings().packing().jobsPerTask();
      List<ArrayScript.Task> part =
          array
              .tasks()
              .subList(
                  0,
                  (int)
                      Math.min(
                          array.tasks().size(), (long) limit.next(array.taskCount()) * perTask));
      ArrayFiles files = ArrayFiles.claim(sweepDir);
      Long after = array.afterPrevious() ? previousId : null;
      files.write(
          ArrayScript.render(
              files.name(),
              sweepDir,
              files.links(),
              array.settings(),
              part,
              after == null ? null : previous.name()),
          part,
          perTask);
      List<String> sbatch = stage.options(part, after, perTask);
      long id;
      try {
        id = client.submit(files.script(), sbatch);
      } catch (ConfigException refused) {
        if (SubmitLimit.isLimit(refused)) {
          // Never submitted: the name is free for the next try.
          files.discard();
          log.event(part.size() + " task(s) refused for the submit limit: " + refused.getMessage());
          int waiting = queue.stream().mapToInt(a -> a.tasks().size()).sum();
          try {
            limit.refused(
                array.settings().packing().tasksFor(part.size()),
                waiting,
                SubmitLimit.named(refused));
          } catch (ConfigException | SlurmCommandException lost) {
            // SLURM stopped answering while we waited: what is left is recorded, for resume.
            List<ArrayScript.Task> left = new ArrayList<>();
            queue.forEach(a -> left.addAll(a.tasks()));
            record(record, null, null, null, left, "not submitted: " + lost.getMessage(), 1);
            throw new ConfigException(
                lost.getMessage()
                    + "\n  "
                    + left.size()
                    + " job(s) were"
                    + " not submitted; hydra4j resume "
                    + sweepDir
                    + " submits them",
                Origin.of(sweepDir.toString()),
                "check the cluster: scontrol ping",
                lost);
          }
          continue;
        }
        List<ArrayScript.Task> left = new ArrayList<>();
        queue.forEach(a -> left.addAll(a.tasks()));
        record(record, files, after, null, left, refused.getMessage(), 1);
        log.event(files.name() + " refused by SLURM: " + refused.getMessage());
        throw explained(refused, array.settings(), record, files);
      }
      record = record(record, files, after, id, part, null, perTask);
      stage.queued(part);
      arrayIds.add(id);
      queue.poll();
      if (part.size() < array.tasks().size()) {
        // The rest waits for this part, as the parts of a split array do.
        queue.push(
            new ArrayPlan(
                array.settings(), array.tasks().subList(part.size(), array.tasks().size()), true));
      }
      log.event(
          "submitted "
              + files.name()
              + " as SLURM job "
              + id
              + ": jobs "
              + nums(part)
              + (after == null ? "" : ", after " + after)
              + (sbatch.isEmpty() ? "" : " (" + String.join(" ", sbatch) + ")"));
      options
          .progress()
          .message(
              "hydra4j: submitted "
                  + files.name()
                  + " as SLURM array "
                  + id
                  + " (jobs "
                  + nums(part)
                  + (after == null ? "" : ", after array " + after)
                  + StageDependencies.describe(sbatch)
                  + "): "
                  + files.script());
      previous = files;
      previousId = id;
    }
    return List.of();
  }

  private static String nums(List<ArrayScript.Task> tasks) {
    return SweepFollower.describeNums(tasks.stream().map(t -> t.job().num()).toList());
  }

  private SubmissionLog record(
      SubmissionLog log,
      ArrayFiles files,
      Long after,
      Long id,
      List<ArrayScript.Task> tasks,
      String error,
      int jobsPerTask)
      throws IOException {
    List<Integer> nums = tasks.stream().map(t -> t.job().num()).toList();
    return log.append(
        sweepDir,
        new SubmissionLog.Array(
            files == null ? null : files.name(),
            id,
            Instant.now(),
            files == null ? null : sweepDir.relativize(files.script()).toString(),
            after,
            nums,
            error,
            jobsPerTask));
  }

  private ConfigException explained(
      ConfigException refused, SlurmSettings settings, SubmissionLog before, ArrayFiles files) {
    ConfigException e =
        refused.getMessage().startsWith("SLURM refused")
            ? Refusals.explain(refused, settings)
            : refused;
    Set<Long> ok = before.arrayJobIds();
    String note =
        "\n  the sweep is marked as not (fully) submitted"
            + (ok.isEmpty() ? "" : "; arrays submitted before stay queued: " + ok)
            + "; after fixing it, hydra4j resume "
            + sweepDir
            + " submits the rest"
            + "\n  script: "
            + files.script();
    return new ConfigException(e.getMessage() + note, e.origin(), e.hint(), refused);
  }

  /**
   * Whether a packed job recorded its own end in its current task, which still runs its task-mates:
   * it may be submitted again (the task, if requeued, leaves it alone).
   */
  private static boolean finishedInItsTask(Placement p, int num, SweepState previous) {
    if (p.array().jobsPerTask() == 1) {
      return false;
    }
    JobStatus s = previous.status(num);
    return s.state().isTerminal()
        && !"true".equals(s.extra().get(StateReconciler.REQUEUED))
        && String.valueOf(p.array().arrayJobId())
            .equals(s.extra().get(StateReconciler.ARRAY_JOB_ID));
  }

  /**
   * The jobs of {@code jobs} whose current SLURM task is still pending or running.
   *
   * @param previous the jobs' recorded states
   */
  static Set<Integer> heldBySlurm(
      SlurmClient client, SubmissionLog submitted, JobSource jobs, SweepState previous) {
    Map<Integer, Placement> placed = new TreeMap<>();
    Set<Long> ids = new LinkedHashSet<>();
    for (int i = 0; i < jobs.size(); i++) {
      Placement p = submitted.placement(jobs.num(i));
      if (p != null && p.array().submittedOk()) {
        placed.put(jobs.num(i), p);
        ids.add(p.array().arrayJobId());
      }
    }
    Set<Integer> held = new LinkedHashSet<>();
    if (ids.isEmpty()) {
      return held;
    }
    QueueSnapshot queue = client.queue(ids);
    Map<Long, SortedMap<Integer, QueueEntry>> tasks = new TreeMap<>();
    placed.forEach(
        (num, p) -> {
          QueueEntry e = tasks.computeIfAbsent(p.array().arrayJobId(), queue::tasks).get(p.task());
          if (e != null && !e.state().isFinished() && !finishedInItsTask(p, num, previous)) {
            held.add(num);
          }
        });
    return held;
  }
}
