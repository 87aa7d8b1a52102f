package dev.hydra4j.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a job's state reads to a person. PENDING is a job waiting for its turn (in a scheduler's
 * queue); a job that no launcher was ever given — the sweep stopped first (a failure policy,
 * Ctrl-C, a kill), so {@code resume} runs it — is "not started".
 */
public final class StateLabel {

  /** The label of a job nothing was ever recorded for. */
  public static final String NOT_STARTED = "not started";

  private StateLabel() {}

  /**
   * Whether nothing was ever recorded for the job: PENDING without an attempt, a start or a
   * scheduler's ids, and no directory written for it (a scheduler's launcher writes the directories
   * of the jobs it queues, so a queued job without a status file yet stays PENDING).
   *
   * @param jobDir the job's directory
   */
  public static boolean notStarted(JobStatus status, Path jobDir) {
    return neverRecorded(status) && !Files.isDirectory(jobDir);
  }

  /**
   * Whether the status is PENDING without an attempt, a start or a scheduler's ids: nothing was
   * recorded of the job; whether it waits in a queue is for its launcher to say.
   */
  public static boolean neverRecorded(JobStatus status) {
    return status.state() == JobState.PENDING
        && status.attempt() == 0
        && status.start() == null
        && status.extra().isEmpty();
  }

  /**
   * Counts by label: {@code byState} (not-started jobs counted there as PENDING) with {@code
   * notStarted} of its PENDING jobs shown as "not started", after the others.
   */
  public static Map<String, Integer> tally(Map<JobState, Integer> byState, int notStarted) {
    Map<String, Integer> out = new LinkedHashMap<>();
    byState.forEach(
        (state, n) -> {
          int shown = state == JobState.PENDING ? n - notStarted : n;
          if (shown > 0) {
            out.put(state.name(), shown);
          }
        });
    if (notStarted > 0) {
      out.put(NOT_STARTED, notStarted);
    }
    return out;
  }

  /** {@code 3 COMPLETED, 1 FAILED, 2 not started}. */
  public static String describe(Map<JobState, Integer> byState, int notStarted) {
    StringBuilder out = new StringBuilder();
    tally(byState, notStarted)
        .forEach(
            (label, n) ->
                out.append(out.length() == 0 ? "" : ", ").append(n).append(' ').append(label));
    return out.toString();
  }
}
