package dev.hydra4j.launch;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StateLabel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many jobs are in each state.
 *
 * @param total the number of jobs counted
 * @param byState the count per state; states with no job are absent
 */
public record StateCounts(int total, Map<JobState, Integer> byState) {

  public StateCounts {
    EnumMap<JobState, Integer> copy = new EnumMap<>(JobState.class);
    byState.forEach(
        (state, n) -> {
          if (n > 0) {
            copy.put(state, n);
          }
        });
    byState = Collections.unmodifiableMap(copy);
  }

  public int get(JobState state) {
    return byState.getOrDefault(state, 0);
  }

  /** Jobs in a terminal state. */
  public int finished() {
    int n = 0;
    for (Map.Entry<JobState, Integer> e : byState.entrySet()) {
      if (e.getKey().isTerminal()) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** True when every job COMPLETED (or was PRUNED: stopped early on purpose). */
  public boolean allCompleted() {
    return get(JobState.COMPLETED) + get(JobState.PRUNED) == total;
  }

  /**
   * The counts once the launch has ended, {@code completed 9 · failed 1 · not started 2}: a job
   * still PENDING then was never started (a failure policy or Ctrl-C stopped the launch first).
   */
  public String describeEnded() {
    StringBuilder out = new StringBuilder();
    byState.forEach(
        (state, n) -> {
          if (state != JobState.PENDING) {
            append(out, state.name().toLowerCase(java.util.Locale.ROOT), n);
          }
        });
    if (get(JobState.PENDING) > 0) {
      append(out, StateLabel.NOT_STARTED, get(JobState.PENDING));
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String label, int n) {
    out.append(out.length() > 0 ? " · " : "").append(label).append(' ').append(n);
  }

  /** {@code completed 9 · failed 1}: the non-zero counts in state order, lower case. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    byState.forEach((state, n) -> append(out, state.name().toLowerCase(java.util.Locale.ROOT), n));
    return out.toString();
  }
}
