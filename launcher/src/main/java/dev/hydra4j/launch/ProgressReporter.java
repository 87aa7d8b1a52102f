package dev.hydra4j.launch;

import dev.hydra4j.run.JobStatus;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows a launch's progress to a person. Called from the launcher's worker threads; implementations
 * synchronize themselves and must be quick, since a worker waits for them.
 */
public interface ProgressReporter {

  /** The launch begins with {@code counts} (all PENDING). */
  void start(StateCounts counts);

  /** A job changed state; {@code counts} are the counts after the change. */
  void update(JobStatus changed, StateCounts counts);

  /** Something a person should read now, e.g. that the launch is stopping. */
  void message(String text);

  /**
   * The launch ended with {@code counts}. A reporter clears what it drew rather than print the
   * counts again: the caller closes with one line of the final counts and where the results are.
   */
  void finish(StateCounts counts);

  /** Shows nothing. */
  static ProgressReporter none() {
    return new ProgressReporter() {
      @Override
      public void start(StateCounts counts) {}

      @Override
      public void update(JobStatus changed, StateCounts counts) {}

      @Override
      public void message(String text) {}

      @Override
      public void finish(StateCounts counts) {}
    };
  }

  /** One line redrawn in place with a bar and the counts: for a terminal. */
  static ProgressReporter terminal(PrintStream out) {
    return new TerminalProgress(out);
  }

  /**
   * Plain lines for a log file or a pipe: every job that ends other than COMPLETED at once, and the
   * counts at most every {@code interval} ({@link Duration#ZERO}: on every change).
   */
  static ProgressReporter plain(PrintStream out, Duration interval) {
    return new PlainProgress(out, interval);
  }

  /** {@link #terminal} when this JVM has a console, otherwise {@link #plain} every 10 s. */
  static ProgressReporter auto(PrintStream out) {
    return Terminal.console() != null ? terminal(out) : plain(out, Duration.ofSeconds(10));
  }
}
