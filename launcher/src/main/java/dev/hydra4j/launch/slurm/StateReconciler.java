package dev.hydra4j.launch.slurm;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides one job's state from what its status file says and what SLURM says about its current
 * array task. The file knows what the task did (exit code, times, node); SLURM knows what happened
 * to it from outside (cancelled while pending, killed at its time limit or with its node,
 * requeued). Only SLURM's verdicts from outside override a file that has an end.
 */
final class StateReconciler {

  /** Extra status fields the array script writes. */
  static final String ARRAY_JOB_ID = "slurm_array_job_id";

  static final String ARRAY_TASK_ID = "slurm_array_task_id";
  static final String REQUEUED = "requeued";

  /** Written by a packed job ({@code hydra.launcher.jobs_per_task} above 1). */
  static final String JOBS_PER_TASK = "jobs_per_task";

  /** Extra fields hydra4j adds when it records SLURM's verdict for the job. */
  static final String SLURM_STATE = "slurm_state";

  static final String STATE_FROM = "state_from";

  /** The {@link #SLURM_STATE} of a task that neither squeue nor sacct lists any more. */
  static final String GONE = "not known to SLURM";

  /** States only SLURM can see: the job could not record them itself, or not reliably. */
  private static final Set<JobState> OUTSIDE_VERDICTS =
      EnumSet.of(
          JobState.TIMEOUT,
          JobState.CANCELLED,
          JobState.OUT_OF_MEMORY,
          JobState.NODE_FAIL,
          JobState.PREEMPTED);

  /**
   * @param status the job's state now
   * @param record true when {@code status} is a final state the status file lacks, to be written
   *     there so that {@code resume} and {@code rerun} see it
   * @param unknown true when SLURM no longer knows the task and the file has no end: the state
   *     shown is the last one the file recorded
   */
  record Outcome(JobStatus status, boolean record, boolean unknown) {}

  private StateReconciler() {}

  /**
   * As {@link #reconcile(JobStatus, long, int, JobRecord, boolean, boolean)}, the array not known
   * and the task not packed.
   */
  static Outcome reconcile(JobStatus file, long arrayJobId, int taskId, JobRecord slurm) {
    return reconcile(file, arrayJobId, taskId, slurm, false, false);
  }

  /**
   * @param file the status file's content (PENDING when there is none)
   * @param arrayJobId the job's current array, {@code taskId} its task index
   * @param slurm SLURM's record of that task, or {@code null} when neither squeue nor sacct knows
   *     it
   * @param arrayKnown whether SLURM's answer covers the array (squeue or sacct lists other tasks of
   *     it, or sacct answered at all): then a task neither lists is gone, not "not yet known" (a
   *     pending task cancelled on its own with {@code scancel ID_TASK} vanishes from both without a
   *     trace)
   * @param packed whether the task runs several jobs ({@code jobs_per_task}): one that has not
   *     started in it yet is PENDING while the task runs
   */
  static Outcome reconcile(
      JobStatus file,
      long arrayJobId,
      int taskId,
      JobRecord slurm,
      boolean arrayKnown,
      boolean packed) {
    JobState said = slurm == null ? null : jobState(slurm.state());
    boolean current =
        String.valueOf(arrayJobId).equals(file.extra().get(ARRAY_JOB_ID))
            && String.valueOf(taskId).equals(file.extra().get(ARRAY_TASK_ID));
    if (!current) {
      // Not started in this submission (or started without writing anything yet).
      if (slurm == null && arrayKnown) {
        Map<String, String> extra = new TreeMap<>();
        extra.put(ARRAY_JOB_ID, String.valueOf(arrayJobId));
        extra.put(ARRAY_TASK_ID, String.valueOf(taskId));
        extra.put(SLURM_STATE, GONE);
        extra.put(STATE_FROM, "squeue and sacct");
        return new Outcome(
            new JobStatus(
                file.num(),
                JobState.CANCELLED,
                null,
                null,
                null,
                null,
                null,
                null,
                file.attempt(),
                extra),
            true,
            false);
      }
      if (said == null || !said.isTerminal()) {
        // A packed job not started in its running task waits there for a free slot.
        JobState state = said == null || packed ? JobState.PENDING : said;
        return new Outcome(waiting(file, state, arrayJobId, taskId), false, false);
      }
      int attempt = file.attempt() + (said == JobState.CANCELLED ? 0 : 1);
      return new Outcome(
          fromSlurm(file.num(), said, attempt, null, slurm, arrayJobId, taskId), true, false);
    }
    if (file.state().isTerminal()) {
      boolean requeued = "true".equals(file.extra().get(REQUEUED));
      boolean killedByTasksOom =
          said == JobState.OUT_OF_MEMORY
              && file.state() == JobState.FAILED
              && Integer.valueOf(137).equals(file.exitCode());
      if (file.extra().containsKey(JOBS_PER_TASK) && !requeued && !killedByTasksOom) {
        // A packed job recorded its own end; SLURM's verdict is its task's, which may have timed
        // out or been requeued after this job finished (a requeue does not run it again). Only
        // a job the kernel killed (137) when its task ran out of memory takes the task's state.
        return new Outcome(file, false, false);
      }
      // PENDING again: SLURM requeued the task after the file's end (a node failure, a
      // preemption, scontrol requeue); it will run again.
      if (said == JobState.PENDING || requeued && said != null && !said.isTerminal()) {
        return new Outcome(requeued(waiting(file, said, arrayJobId, taskId)), false, false);
      }
      // A job the pruner stopped was cancelled on purpose: CANCELLED is SLURM's word for PRUNED.
      if (said != null
          && said != file.state()
          && OUTSIDE_VERDICTS.contains(said)
          && file.state() != JobState.COMPLETED
          && file.state() != JobState.PRUNED) {
        JobStatus corrected =
            new JobStatus(
                file.num(),
                said,
                file.exitCode(),
                file.start(),
                file.end(),
                file.duration(),
                file.host(),
                file.pid(),
                file.attempt(),
                withSlurm(file.extra(), slurm));
        return new Outcome(corrected, true, false);
      }
      return new Outcome(file, false, false);
    }
    // The file says RUNNING.
    if (said == null) {
      return new Outcome(file, false, true);
    }
    if (said.isTerminal()) {
      // The task ended without recording it: killed hard, or its node went away.
      return new Outcome(
          fromSlurm(file.num(), said, file.attempt(), file, slurm, arrayJobId, taskId),
          true,
          false);
    }
    if (said == JobState.PENDING) {
      // SLURM put it back in the queue (node failure, preemption with requeue).
      return new Outcome(requeued(waiting(file, said, arrayJobId, taskId)), false, false);
    }
    return new Outcome(file, false, false);
  }

  /** {@code waiting}, marked as a run that SLURM put back in the queue after it started. */
  private static JobStatus requeued(JobStatus waiting) {
    Map<String, String> extra = new TreeMap<>(waiting.extra());
    extra.put(REQUEUED, "true");
    return new JobStatus(
        waiting.num(),
        waiting.state(),
        null,
        null,
        null,
        null,
        null,
        null,
        waiting.attempt(),
        extra);
  }

  /** SLURM's state as a job state; {@code null} for one this client cannot name. */
  static JobState jobState(SlurmState state) {
    return state == SlurmState.UNKNOWN ? null : JobState.valueOf(state.name());
  }

  /** A job waiting in SLURM (or running before its script wrote a word): no times yet. */
  private static JobStatus waiting(JobStatus file, JobState state, long arrayJobId, int taskId) {
    Map<String, String> extra = new TreeMap<>();
    extra.put(ARRAY_JOB_ID, String.valueOf(arrayJobId));
    extra.put(ARRAY_TASK_ID, String.valueOf(taskId));
    return new JobStatus(
        file.num(), state, null, null, null, null, null, null, file.attempt(), extra);
  }

  private static JobStatus fromSlurm(
      int num,
      JobState state,
      int attempt,
      JobStatus ran,
      JobRecord slurm,
      long arrayJobId,
      int taskId) {
    Integer exit = ran == null ? null : ran.exitCode();
    if (slurm instanceof AccountingEntry a
        && a.exitCode() != null
        && (ran != null || !a.exitCode().isSuccess() || state == JobState.COMPLETED)) {
      // A task cancelled while pending never ran: its 0:0 is no exit code.
      ExitCode code = a.exitCode();
      exit = code.signal() > 0 ? 128 + code.signal() : code.code();
    }
    Map<String, String> extra = new TreeMap<>(ran == null ? Map.of() : ran.extra());
    extra.put(ARRAY_JOB_ID, String.valueOf(arrayJobId));
    extra.put(ARRAY_TASK_ID, String.valueOf(taskId));
    return new JobStatus(
        num,
        state,
        exit,
        ran == null ? null : ran.start(),
        null,
        null,
        ran == null ? null : ran.host(),
        ran == null ? null : ran.pid(),
        attempt,
        withSlurm(extra, slurm));
  }

  private static Map<String, String> withSlurm(Map<String, String> extra, JobRecord slurm) {
    Map<String, String> more = new TreeMap<>(extra);
    more.remove(REQUEUED);
    more.put(SLURM_STATE, slurm.stateText());
    more.put(STATE_FROM, slurm instanceof AccountingEntry ? "sacct" : "squeue");
    return more;
  }
}
