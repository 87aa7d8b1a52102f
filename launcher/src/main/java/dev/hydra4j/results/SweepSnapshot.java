package dev.hydra4j.results;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.RunLayout;
import dev.hydra4j.run.StatusFile;
import dev.hydra4j.run.SweepState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every job of a sweep at one moment, read from the status files alone, so it is the
 * same for a local sweep and a SLURM array, and for a launcher that is alive or dead. A job
 * recorded as RUNNING on this machine whose process is gone counts as INTERRUPTED: its launcher was
 * killed, and it will not end by itself.
 *
 * @param jobs every job, by number
 * @param unreadable job numbers whose status file could not be read (counted as PENDING)
 */
record SweepSnapshot(RecordedRun run, List<Job> jobs, List<Integer> unreadable) {

  /**
   * One job.
   *
   * @param abandoned recorded RUNNING, but its process on this host is gone
   */
  record Job(RecordedRun.JobEntry entry, JobStatus status, boolean abandoned) {
    JobState state() {
      return abandoned ? JobState.INTERRUPTED : status.state();
    }

    /** Whether no launcher was ever given this job. */
    boolean notStarted() {
      return !abandoned && dev.hydra4j.run.StateLabel.notStarted(status, entry.dir());
    }

    /** The state as shown: its name, or "not started". */
    String label() {
      return notStarted() ? dev.hydra4j.run.StateLabel.NOT_STARTED : state().name();
    }
  }

  static SweepSnapshot read(RecordedRun run) {
    List<Job> jobs = new ArrayList<>(run.jobs().size());
    List<Integer> unreadable = new ArrayList<>();
    SweepState state = run.state();
    java.util.Set<java.nio.file.Path> bad = state.unreadable().keySet();
    for (RecordedRun.JobEntry entry : run.jobs()) {
      JobStatus status = state.status(entry.num());
      if (bad.contains(StatusFile.path(entry.dir()))) {
        unreadable.add(entry.num());
      }
      jobs.add(new Job(entry, status, state.effective(entry.num()).state() != status.state()));
    }
    return new SweepSnapshot(run, jobs, unreadable);
  }

  Map<JobState, Integer> counts() {
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    for (Job job : jobs) {
      counts.merge(job.state(), 1, Integer::sum);
    }
    return counts;
  }

  /** Number of jobs by label, jobs never started apart from PENDING ones. */
  Map<String, Integer> tally() {
    int notStarted = (int) jobs.stream().filter(Job::notStarted).count();
    return dev.hydra4j.run.StateLabel.tally(counts(), notStarted);
  }

  int terminal() {
    int n = 0;
    for (Job job : jobs) {
      if (job.state().isTerminal()) {
        n++;
      }
    }
    return n;
  }

  boolean finished() {
    return terminal() == jobs.size() || stalled();
  }

  /**
   * A local sweep whose launcher is gone (killed, or stopped by a failure policy) with jobs still
   * pending: nothing will start them, so watching it would never end. A SLURM sweep's pending jobs
   * wait for the scheduler, not for a hydra4j process.
   */
  boolean stalled() {
    return running().isEmpty()
        && terminal() < jobs.size()
        && !java.nio.file.Files.exists(run.dir().resolve(RunLayout.SLURM_SUBMISSIONS))
        && !dev.hydra4j.run.LauncherLock.isHeld(run.dir());
  }

  /** Jobs that ended without success: FAILED, TIMEOUT, CANCELLED, INTERRUPTED, … */
  List<Job> failed() {
    return jobs.stream().filter(j -> j.state().isTerminal() && !j.state().isSuccess()).toList();
  }

  List<Job> running() {
    return jobs.stream().filter(j -> j.state() == JobState.RUNNING).toList();
  }
}
