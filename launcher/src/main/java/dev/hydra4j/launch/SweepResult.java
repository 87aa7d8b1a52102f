package dev.hydra4j.launch;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a launch.
 *
 * @param counts jobs by state, over the whole sweep (jobs of earlier launches included)
 * @param exitCode what the CLI exits with: 0 when every job COMPLETED, 130 when the launch was
 *     interrupted, 1 otherwise
 * @param interrupted whether a stop was requested (Ctrl-C)
 * @param jobs the final status of every job of the sweep, by job number
 * @param ioFailure why the sweep's files could not be written (disk full, directory made
 *     unwritable), which stopped it; {@code null} when none. The exit code is then 3.
 * @param detached whether jobs go on without this launch (submitted to a scheduler and not followed
 *     to their end): its PENDING jobs are queued, and the launcher has already said what it handed
 *     over and how to follow it, which is then the launch's last word
 */
public record SweepResult(
    StateCounts counts,
    int exitCode,
    boolean interrupted,
    List<JobStatus> jobs,
    String ioFailure,
    boolean detached) {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;

  /** The sweep's files could not be written after jobs had started; resume continues it. */
  public static final int EXIT_IO_FAILURE = 3;

  public static final int EXIT_INTERRUPTED = 130;

  public SweepResult {
    jobs = List.copyOf(jobs);
  }

  public SweepResult(StateCounts counts, int exitCode, boolean interrupted, List<JobStatus> jobs) {
    this(counts, exitCode, interrupted, jobs, null, false);
  }

  /** This result, stopped by an I/O failure. */
  public SweepResult withIoFailure(String why) {
    return new SweepResult(counts, EXIT_IO_FAILURE, interrupted, jobs, why, detached);
  }

  /** This result, its jobs left to go on without the launch ({@link #detached}). */
  public SweepResult asDetached() {
    return new SweepResult(counts, exitCode, interrupted, jobs, ioFailure, true);
  }

  /** The result for the final statuses of all of a sweep's jobs. */
  public static SweepResult of(List<JobStatus> jobs, boolean interrupted) {
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    for (JobStatus job : jobs) {
      counts.merge(job.state(), 1, Integer::sum);
    }
    StateCounts stateCounts = new StateCounts(jobs.size(), counts);
    int exit = interrupted ? EXIT_INTERRUPTED : stateCounts.allCompleted() ? EXIT_OK : EXIT_FAILED;
    List<JobStatus> sorted = new ArrayList<>(jobs);
    sorted.sort(Comparator.comparingInt(JobStatus::num));
    return new SweepResult(stateCounts, exit, interrupted, sorted);
  }
}
