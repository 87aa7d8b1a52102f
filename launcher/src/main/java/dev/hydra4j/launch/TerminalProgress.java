package dev.hydra4j.launch;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.PrintStream;

/** {@code [#########···········] 412/1000 running 2 · completed 400 · failed 10}. */
final class TerminalProgress implements ProgressReporter {

  private static final int BAR_WIDTH = 24;

  /** Redraw at most this often; a sweep of tiny jobs changes state thousands of times. */
  private static final long MIN_REDRAW_NANOS = 100_000_000L;

  private static final String CLEAR_LINE = "\r\033[K";

  private final PrintStream out;
  private long lastDraw;

  TerminalProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void start(StateCounts counts) {
    draw(counts);
  }

  @Override
  public synchronized void update(JobStatus changed, StateCounts counts) {
    JobState state = changed.state();
    if (state.isTerminal() && !state.isSuccess()) {
      // A failure deserves a line that stays: print it above the redrawn bar.
      out.print(CLEAR_LINE);
      out.println(PlainProgress.describe(changed));
      draw(counts);
      return;
    }
    if (System.nanoTime() - lastDraw >= MIN_REDRAW_NANOS) {
      draw(counts);
    }
  }

  @Override
  public synchronized void message(String text) {
    out.print(CLEAR_LINE);
    out.println(text);
    out.flush();
  }

  @Override
  public synchronized void finish(StateCounts counts) {
    // The bar goes: the caller's closing line says the final counts, once.
    out.print(CLEAR_LINE);
    out.flush();
  }

  private void draw(StateCounts counts) {
    lastDraw = System.nanoTime();
    int total = Math.max(1, counts.total());
    int filled = (int) ((long) counts.finished() * BAR_WIDTH / total);
    StringBuilder line = new StringBuilder(CLEAR_LINE).append('[');
    line.append("#".repeat(filled)).append("·".repeat(BAR_WIDTH - filled)).append("]  ");
    line.append(counts.finished()).append('/').append(counts.total()).append("  ");
    line.append(counts.describe());
    out.print(line);
    out.flush();
  }
}
