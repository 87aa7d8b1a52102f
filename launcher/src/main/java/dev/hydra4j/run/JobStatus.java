package dev.hydra4j.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What is known about one job: the content of its {@code status.json}. See {@link StatusFile} for
 * the file format and the meaning of every field.
 *
 * @param num the job number, {@code hydra.job.num}
 * @param state where the job is
 * @param exitCode the process exit code ({@code 128 + signal} when killed by a signal), or {@code
 *     null} while running or when no process ran
 * @param start when the current attempt started, or {@code null}
 * @param end when it ended, or {@code null}
 * @param duration wall time of the attempt, or {@code null}; derived from start and end when not
 *     given
 * @param host the machine that ran it, or {@code null}
 * @param pid the process id on {@code host}, or {@code null}
 * @param attempt 1 for the first attempt, counting every start including retries and resumes; 0
 *     when never started
 * @param extra further string fields, e.g. {@code error} or {@code slurm_job_id}; sorted by key
 */
public record JobStatus(
    int num,
    JobState state,
    Integer exitCode,
    Instant start,
    Instant end,
    Duration duration,
    String host,
    Long pid,
    int attempt,
    Map<String, String> extra) {

  /** Keys of the fixed fields, which {@link #extra} may not use. */
  public static final Set<String> FIELD_NAMES =
      Set.of("num", "state", "exit_code", "start", "end", "duration_s", "host", "pid", "attempt");

  /** The {@link #extra} key for a human-readable reason (e.g. the command was not found). */
  public static final String ERROR = "error";

  public JobStatus {
    Objects.requireNonNull(state, "state");
    if (duration == null && start != null && end != null) {
      duration = Duration.between(start, end);
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    if (extra != null) {
      for (Map.Entry<String, String> e : extra.entrySet()) {
        if (FIELD_NAMES.contains(e.getKey())) {
          throw new IllegalArgumentException("extra field clashes with a fixed one: " + e.getKey());
        }
        sorted.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
      }
    }
    extra = java.util.Collections.unmodifiableMap(sorted);
  }

  /** A job that has not started. */
  public static JobStatus pending(int num) {
    return new JobStatus(num, JobState.PENDING, null, null, null, null, null, null, 0, Map.of());
  }

  /** A job that never started, in {@code state} (PENDING again, SKIPPED, ...). */
  public static JobStatus unstarted(
      int num, JobState state, int attempt, Map<String, String> extra) {
    return new JobStatus(num, state, null, null, null, null, null, null, attempt, extra);
  }

  /** A job that has just started. */
  public static JobStatus running(int num, int attempt, Instant start, String host, long pid) {
    return new JobStatus(
        num, JobState.RUNNING, null, start, null, null, host, pid, attempt, Map.of());
  }

  /** This status ended in {@code newState} at {@code when}. */
  public JobStatus ended(JobState newState, Integer newExitCode, Instant when) {
    return new JobStatus(num, newState, newExitCode, start, when, null, host, pid, attempt, extra);
  }

  /** This status with one more extra field. */
  public JobStatus withExtra(String key, String value) {
    TreeMap<String, String> more = new TreeMap<>(extra);
    more.put(key, value);
    return new JobStatus(num, state, exitCode, start, end, duration, host, pid, attempt, more);
  }

  /** The {@link #ERROR} field, or {@code null}. */
  public String error() {
    return extra.get(ERROR);
  }
}
