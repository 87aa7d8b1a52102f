package dev.hydra4j.launch;

import dev.hydra4j.run.SweepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a launch, independent of where.
 *
 * @param sweepDir where {@code summary.json} and {@code launcher.log} go
 * @param failurePolicy when to stop starting jobs
 * @param retries how many more times a job that FAILED or hit its TIMEOUT is started again within
 *     this launch (not for a command that cannot be started, nor after a stop)
 * @param killGrace how long a job may take to exit after SIGTERM before SIGKILL
 * @param progress where progress goes
 * @param stop set to request a stop; usually fed by {@link SigintHandler}
 * @param previous the states of the sweep's other jobs, reported in the summary beside the ones run
 *     now (for {@code resume}); {@link SweepState#empty()} for a fresh sweep
 */
public record LaunchOptions(
    Path sweepDir,
    FailurePolicy failurePolicy,
    int retries,
    Duration killGrace,
    ProgressReporter progress,
    StopSignal stop,
    SweepState previous) {

  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(10);

  public LaunchOptions {
    Objects.requireNonNull(sweepDir, "sweepDir");
    Objects.requireNonNull(failurePolicy, "failurePolicy");
    Objects.requireNonNull(killGrace, "killGrace");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(previous, "previous");
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
  }

  /** Keep going, no retries, 10 s grace, no progress output, a fresh sweep. */
  public static LaunchOptions defaults(Path sweepDir) {
    return new LaunchOptions(
        sweepDir,
        FailurePolicy.keepGoing(),
        0,
        DEFAULT_KILL_GRACE,
        ProgressReporter.none(),
        new StopSignal(),
        SweepState.empty());
  }

  public LaunchOptions withFailurePolicy(FailurePolicy policy) {
    return new LaunchOptions(sweepDir, policy, retries, killGrace, progress, stop, previous);
  }

  public LaunchOptions withRetries(int n) {
    return new LaunchOptions(sweepDir, failurePolicy, n, killGrace, progress, stop, previous);
  }

  public LaunchOptions withKillGrace(Duration grace) {
    return new LaunchOptions(sweepDir, failurePolicy, retries, grace, progress, stop, previous);
  }

  public LaunchOptions withProgress(ProgressReporter reporter) {
    return new LaunchOptions(sweepDir, failurePolicy, retries, killGrace, reporter, stop, previous);
  }

  public LaunchOptions withStop(StopSignal signal) {
    return new LaunchOptions(
        sweepDir, failurePolicy, retries, killGrace, progress, signal, previous);
  }

  public LaunchOptions withPrevious(SweepState state) {
    return new LaunchOptions(sweepDir, failurePolicy, retries, killGrace, progress, stop, state);
  }
}
