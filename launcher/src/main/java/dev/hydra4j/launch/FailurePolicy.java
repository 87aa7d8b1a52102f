package dev.hydra4j.launch;

/**
 * When a sweep stops starting jobs because some failed. Jobs already running always finish (their
 * work is not thrown away); jobs not started stay PENDING, without a status file, so {@code resume}
 * runs them later.
 *
 * @param maxFailures stop starting jobs once this many have failed (after their retries); {@link
 *     Integer#MAX_VALUE} never stops
 */
public record FailurePolicy(int maxFailures) {

  public FailurePolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
    }
  }

  /** Stop at the first failure. */
  public static FailurePolicy failFast() {
    return new FailurePolicy(1);
  }

  /** Run every job whatever happens; Hydra's behaviour (it reports failures at the end). */
  public static FailurePolicy keepGoing() {
    return new FailurePolicy(Integer.MAX_VALUE);
  }

  public static FailurePolicy maxFailures(int n) {
    return new FailurePolicy(n);
  }

  /** True when {@code failures} failed jobs mean no more jobs should start. */
  public boolean stopsAt(int failures) {
    return failures >= maxFailures;
  }
}
