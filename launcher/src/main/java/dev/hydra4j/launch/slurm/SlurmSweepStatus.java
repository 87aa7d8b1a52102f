package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.slurm.SubmissionLog.Placement;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The truthful state of a SLURM sweep's jobs, from three sources: each job's status file, one
 * {@code squeue} call and one {@code sacct} call covering every array of the sweep. When accounting
 * is off, or SLURM cannot be reached at all, it says so ({@link #notes()}) and uses what is left.
 */
public final class SlurmSweepStatus {

  private final Map<Integer, JobStatus> statuses;
  private final Map<Integer, String> slurmIds;
  private final Map<Integer, JobStatus> unrecorded;
  private final Set<Integer> unknown;
  private final Set<Long> activeArrays;
  private final List<String> notes;
  private final Map<Integer, Path> jobDirs;

  private SlurmSweepStatus(
      Map<Integer, JobStatus> statuses,
      Map<Integer, String> slurmIds,
      Map<Integer, JobStatus> unrecorded,
      Set<Integer> unknown,
      Set<Long> activeArrays,
      List<String> notes,
      Map<Integer, Path> jobDirs) {
    this.statuses = Collections.unmodifiableMap(statuses);
    this.slurmIds = Collections.unmodifiableMap(slurmIds);
    this.unrecorded = unrecorded;
    this.unknown = Collections.unmodifiableSet(unknown);
    this.activeArrays = Collections.unmodifiableSet(activeArrays);
    this.notes = List.copyOf(notes);
    this.jobDirs = jobDirs;
  }

  /**
   * Reads the state of the jobs in {@code jobDirs} (number to directory).
   *
   * @param client how to ask SLURM, or {@code null} to read the status files alone
   */
  public static SlurmSweepStatus read(
      Path sweepDir, Map<Integer, Path> jobDirs, SlurmClient client) {
    SubmissionLog log = SubmissionLog.read(sweepDir);
    List<String> notes = new ArrayList<>();
    Set<Long> ids = new LinkedHashSet<>();
    for (int num : jobDirs.keySet()) {
      Placement p = log.placement(num);
      if (p != null && p.array().submittedOk()) {
        ids.add(p.array().arrayJobId());
      }
    }
    QueueSnapshot queue = new QueueSnapshot(List.of());
    AccountingSnapshot accounting = AccountingSnapshot.unavailable("not asked");
    boolean asked = false;
    if (client != null && !ids.isEmpty()) {
      try {
        queue = client.queue(ids);
        accounting = client.accounting(ids);
        asked = true;
        if (!accounting.available()) {
          notes.add(
              "SLURM accounting is unavailable ("
                  + firstLine(accounting.unavailableReason())
                  + "): states come from the status files and squeue, which forgets a finished job"
                  + " after MinJobAge");
        }
      } catch (ConfigException | SlurmCommandException e) {
        notes.add(
            "SLURM could not be asked ("
                + firstLine(e.getMessage())
                + "): states come from the status files alone");
      }
    } else if (client == null && !ids.isEmpty()) {
      notes.add("SLURM was not asked: states come from the status files alone");
    }
    Map<Long, SortedMap<Integer, QueueEntry>> queued = new TreeMap<>();
    Map<Long, SortedMap<Integer, AccountingEntry>> accounted = new TreeMap<>();
    for (long id : ids) {
      queued.put(id, queue.tasks(id));
      accounted.put(id, accounting.tasks(id));
    }

    Map<Integer, JobStatus> statuses = new TreeMap<>();
    Map<Integer, String> slurmIds = new TreeMap<>();
    Map<Integer, JobStatus> unrecorded = new TreeMap<>();
    Set<Integer> unknown = new LinkedHashSet<>();
    Set<Integer> gone = new LinkedHashSet<>();
    Set<Integer> requeued = new LinkedHashSet<>();
    Set<Long> active = new LinkedHashSet<>();
    List<Integer> refused = new ArrayList<>();
    for (Map.Entry<Integer, Path> e : jobDirs.entrySet()) {
      int num = e.getKey();
      JobStatus file;
      try {
        file = StatusFile.read(e.getValue(), num);
      } catch (ConfigException bad) {
        notes.add(firstLine(bad.getMessage()));
        file = JobStatus.pending(num);
      }
      Placement p = log.placement(num);
      if (p == null || !p.array().submittedOk()) {
        if (p != null) {
          refused.add(num);
        }
        statuses.put(num, file);
        continue;
      }
      long id = p.array().arrayJobId();
      slurmIds.put(num, id + "_" + p.task());
      JobRecord slurm =
          asked ? pick(queued.get(id).get(p.task()), accounted.get(id).get(p.task())) : null;
      // A task neither lists is gone when SLURM lists its siblings, or when sacct, which keeps
      // every task that was ever queued, was asked and answered.
      boolean arrayKnown =
          !queued.get(id).isEmpty() || !accounted.get(id).isEmpty() || accounting.available();
      StateReconciler.Outcome outcome =
          asked
              ? StateReconciler.reconcile(
                  file, id, p.task(), slurm, arrayKnown, p.array().jobsPerTask() > 1)
              : new StateReconciler.Outcome(file, false, false);
      if (StateReconciler.GONE.equals(outcome.status().extra().get(StateReconciler.SLURM_STATE))
          && outcome.record()) {
        gone.add(num);
      }
      if (!outcome.status().state().isTerminal()
          && "true".equals(outcome.status().extra().get(StateReconciler.REQUEUED))) {
        requeued.add(num);
      }
      statuses.put(num, outcome.status());
      if (outcome.record()) {
        unrecorded.put(num, outcome.status());
      }
      if (outcome.unknown()) {
        unknown.add(num);
      }
      if (!outcome.status().state().isTerminal()) {
        active.add(id);
      }
    }
    if (!refused.isEmpty()) {
      String why = lastError(log);
      notes.add(
          refused.size()
              + " job(s) were not submitted: "
              + (why.equals(Submission.INTERRUPTED)
                  ? "the launch was interrupted before their sbatch; hydra4j resume "
                      + sweepDir
                      + " submits them"
                  : "SLURM refused their array ("
                      + firstLine(why)
                      + "); fix the settings and run"
                      + " hydra4j resume "
                      + sweepDir));
    }
    if (!requeued.isEmpty()) {
      notes.add(
          requeued.size()
              + " job(s) ("
              + SweepFollower.describeNums(requeued)
              + ") were"
              + " put back in the queue by SLURM after they started (a node failure, preemption,"
              + " a time limit with max_num_timeout, or scontrol requeue): they run again");
    }
    if (!gone.isEmpty()) {
      notes.add(
          gone.size()
              + " job(s) ("
              + SweepFollower.describeNums(gone)
              + ") never started"
              + " and SLURM no longer knows them (a pending task cancelled with scancel leaves no"
              + " trace): recorded as CANCELLED; hydra4j resume "
              + sweepDir
              + " submits them again");
    }
    if (!unknown.isEmpty()) {
      notes.add(
          unknown.size()
              + " job(s) say RUNNING but SLURM no longer knows them: they may"
              + " have died with their node; see slurm-*.out in their directories");
    }
    return new SlurmSweepStatus(statuses, slurmIds, unrecorded, unknown, active, notes, jobDirs);
  }

  /** squeue is current; sacct adds the exit code once the task has ended. */
  private static JobRecord pick(QueueEntry queued, AccountingEntry accounted) {
    if (queued == null) {
      return accounted;
    }
    if (queued.state().isFinished() && accounted != null && accounted.state().isFinished()) {
      return accounted;
    }
    return queued;
  }

  /**
   * Writes into the status files the final states that SLURM knows and the files lack (a task
   * cancelled before it started, killed with its node, …), so that {@code resume} and {@code rerun}
   * choose from the truth. Returns how many it wrote.
   */
  public int recordFinalStates() {
    int written = 0;
    for (Map.Entry<Integer, JobStatus> e : unrecorded.entrySet()) {
      try {
        StatusFile.write(jobDirs.get(e.getKey()), e.getValue());
        written++;
      } catch (IOException ignored) {
        // status shows the state anyway; the next look tries again
      }
    }
    return written;
  }

  /** Every job's state, by number. */
  public Map<Integer, JobStatus> statuses() {
    return statuses;
  }

  public JobStatus status(int num) {
    JobStatus s = statuses.get(num);
    return s == null ? JobStatus.pending(num) : s;
  }

  /** The job's current SLURM id ({@code 123_4}), or {@code null} when it was not submitted. */
  public String slurmId(int num) {
    return slurmIds.get(num);
  }

  /** The arrays that still have a job pending or running. */
  public Set<Long> activeArrays() {
    return activeArrays;
  }

  /** Jobs whose file says RUNNING while SLURM knows nothing of them any more. */
  public Set<Integer> unknownToSlurm() {
    return unknown;
  }

  /** What the reader should know about where the states come from. */
  public List<String> notes() {
    return notes;
  }

  /** How many jobs are in each state. */
  public Map<JobState, Integer> counts() {
    Map<JobState, Integer> counts = new TreeMap<>();
    statuses.values().forEach(s -> counts.merge(s.state(), 1, Integer::sum));
    return counts;
  }

  private static String lastError(SubmissionLog log) {
    String error = "";
    for (SubmissionLog.Array a : log.arrays()) {
      if (a.error() != null) {
        error = a.error();
      }
    }
    return error;
  }

  static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
