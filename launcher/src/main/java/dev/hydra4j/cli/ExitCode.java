package dev.hydra4j.cli;

import dev.hydra4j.launch.SweepResult;

/**
 * hydra4j's exit codes, defined once: the codes a sweep's outcome gives are the launcher's ({@link
 * SweepResult}), named here with the rest; the README's "Errors" section lists them.
 */
public final class ExitCode {
  /** Everything ran and succeeded. */
  public static final int OK = SweepResult.EXIT_OK;

  /** At least one job failed. */
  public static final int JOBS_FAILED = SweepResult.EXIT_FAILED;

  /** A usage or config error; nothing ran. */
  public static final int USAGE = 2;

  /**
   * Reading or writing the run's files failed after jobs had started (disk full, directory made
   * unwritable): what could be written was, and {@code resume} continues the sweep.
   */
  public static final int IO_FAILURE = SweepResult.EXIT_IO_FAILURE;

  /** A bug in hydra4j: the message says so and where to report it. */
  public static final int INTERNAL_ERROR = 70;

  /** Interrupted by the user; state saved. */
  public static final int INTERRUPTED = SweepResult.EXIT_INTERRUPTED;

  private ExitCode() {}
}
