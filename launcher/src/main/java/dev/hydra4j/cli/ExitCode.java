package dev.hydra4j.cli;

/** hydra4j's exit codes, defined once. */
public final class ExitCode {
  /** Everything ran and succeeded. */
  public static final int OK = 0;
  /** At least one job failed. */
  public static final int JOBS_FAILED = 1;
  /** A usage or config error; nothing ran. */
  public static final int USAGE = 2;
  /**
   * Reading or writing the run's files failed after jobs had started (disk full, directory made
   * unwritable): what could be written was, and {@code resume} continues the sweep.
   */
  public static final int IO_FAILURE = 3;
  /** A bug in hydra4j: the message says so and where to report it. */
  public static final int INTERNAL_ERROR = 70;
  /** Interrupted by the user; state saved. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
