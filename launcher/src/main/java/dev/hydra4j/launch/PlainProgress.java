package dev.hydra4j.launch;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.PrintStream;
import java.time.Duration;

/** Whole lines only, for output that is not a terminal (CI logs, {@code nohup}, pipes). */
final class PlainProgress implements ProgressReporter {

  private final PrintStream out;
  private final long intervalNanos;
  private long lastLine;

  PlainProgress(PrintStream out, Duration interval) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public synchronized void start(StateCounts counts) {
    out.println("launching " + counts.total() + (counts.total() == 1 ? " job" : " jobs"));
    lastLine = System.nanoTime();
    out.flush();
  }

  @Override
  public synchronized void update(JobStatus changed, StateCounts counts) {
    JobState state = changed.state();
    if (intervalNanos == 0) {
      out.println(describe(changed) + "  (" + counts.finished() + "/" + counts.total() + ")");
    } else if (state.isTerminal() && !state.isSuccess()) {
      out.println(describe(changed));
    }
    if (intervalNanos > 0 && System.nanoTime() - lastLine >= intervalNanos) {
      printCounts(counts);
    }
    out.flush();
  }

  @Override
  public synchronized void message(String text) {
    out.println(text);
    out.flush();
  }

  @Override
  public synchronized void finish(StateCounts counts) {
    // The final counts are the caller's closing line, printed once, there.
    out.flush();
  }

  private void printCounts(StateCounts counts) {
    lastLine = System.nanoTime();
    out.println(counts.finished() + "/" + counts.total() + " done: " + counts.describe());
  }

  /** {@code job 3 FAILED (exit 1, 2.5 s)}. */
  static String describe(JobStatus s) {
    String line = "job " + s.num() + " " + s.state();
    StringBuilder detail = new StringBuilder();
    if (s.exitCode() != null && s.state().isTerminal()) {
      detail.append("exit ").append(s.exitCode());
    }
    if (s.duration() != null) {
      detail
          .append(detail.length() > 0 ? ", " : "")
          .append(String.format(java.util.Locale.ROOT, "%.1f s", s.duration().toMillis() / 1e3));
    }
    if (s.error() != null) {
      detail.append(detail.length() > 0 ? ", " : "").append(s.error());
    }
    if (s.attempt() > 1) {
      detail.append(detail.length() > 0 ? ", " : "").append("attempt ").append(s.attempt());
    }
    return detail.length() == 0 ? line : line + " (" + detail + ")";
  }
}
