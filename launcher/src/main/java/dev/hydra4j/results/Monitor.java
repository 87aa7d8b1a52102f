package dev.hydra4j.results;

import dev.hydra4j.launch.Terminal;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.RunLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code monitor DIR}: watches a sweep (local or SLURM) by reading its directories every few
 * seconds, until every job has ended. It starts, stops and signals nothing, so Ctrl+C only stops
 * the watching. On a terminal it redraws one screen; on a pipe it prints a progress line when
 * something changed (and at least once a minute), and each failure as it happens.
 */
public final class Monitor {

  private static final String CLEAR_BELOW = "\u001b[J";
  private static final String CLEAR_LINE = "\u001b[K";
  private static final String HOME = "\u001b[H";
  private static final String HIDE_CURSOR = "\u001b[?25l";
  private static final String SHOW_CURSOR = "\u001b[?25h";
  private static final Duration HEARTBEAT = Duration.ofMinutes(1);

  /**
   * How to watch.
   *
   * @param interval time between two looks at the directories
   * @param terminal draw full screens ({@code true}), print lines ({@code false}), or decide by
   *     whether a terminal is attached ({@code null})
   * @param tailLines log lines shown per job
   */
  public record Options(Duration interval, Boolean terminal, int tailLines) {}

  private Monitor() {}

  /**
   * Watches until every job has ended; returns 0 when all completed, 1 when some did not, 130 when
   * interrupted.
   */
  public static int watch(Path dir, Options options, PrintStream out) {
    RecordedRun run = RecordedRun.open(dir);
    boolean terminal = options.terminal() != null ? options.terminal() : Terminal.console() != null;
    Thread farewell =
        new Thread(
            () -> {
              if (terminal) {
                out.print(SHOW_CURSOR);
              }
              out.println();
              out.println("hydra4j: stopped watching; the jobs keep running");
              out.flush();
            });
    Runtime.getRuntime().addShutdownHook(farewell);
    try {
      return terminal ? screen(run, options, out) : lines(run, options, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(farewell);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook says goodbye
      }
    }
  }

  private static int screen(RecordedRun run, Options options, PrintStream out)
      throws InterruptedException {
    out.print(HIDE_CURSOR + HOME + "\u001b[2J");
    SweepSnapshot snapshot;
    while (true) {
      snapshot = SweepSnapshot.read(reopen(run));
      // Each line clears what a longer line of the last frame left to its right.
      out.print(
          HOME
              + MonitorView.frame(
                      snapshot,
                      Instant.now(),
                      TerminalWidth.detect(),
                      TerminalWidth.rows(),
                      options.tailLines())
                  .replace("\n", CLEAR_LINE + "\n")
              + CLEAR_BELOW);
      out.flush();
      if (snapshot.finished()) {
        break;
      }
      Thread.sleep(options.interval().toMillis());
    }
    out.print(SHOW_CURSOR);
    return finish(snapshot, out);
  }

  private static int lines(RecordedRun run, Options options, PrintStream out)
      throws InterruptedException {
    out.println(
        "hydra4j: watching "
            + Display.path(run.dir())
            + " ("
            + run.jobs().size()
            + " jobs); Ctrl+C stops watching, the jobs keep running");
    Set<Integer> reported = new HashSet<>();
    Map<JobState, Integer> lastCounts = null;
    Instant lastLine = Instant.MIN;
    SweepSnapshot snapshot;
    while (true) {
      snapshot = SweepSnapshot.read(reopen(run));
      Instant now = Instant.now();
      for (SweepSnapshot.Job job : snapshot.failed()) {
        if (reported.add(job.entry().num())) {
          List<String> tail =
              dev.hydra4j.launch.LogTail.lastLines(
                  job.entry().dir().resolve(RunLayout.STDERR), options.tailLines());
          out.println(
              "  "
                  + MonitorView.describe(job, now)
                  + (tail.isEmpty() ? "" : " | " + String.join(" | ", tail)));
        }
      }
      Map<JobState, Integer> counts = snapshot.counts();
      if (!counts.equals(lastCounts) || Duration.between(lastLine, now).compareTo(HEARTBEAT) >= 0) {
        out.println(MonitorView.progressLine(snapshot, now));
        lastCounts = counts;
        lastLine = now;
      }
      out.flush();
      if (snapshot.finished()) {
        break;
      }
      Thread.sleep(options.interval().toMillis());
    }
    return finish(snapshot, out);
  }

  private static int finish(SweepSnapshot snapshot, PrintStream out) {
    if (snapshot.stalled()) {
      out.println(
          "hydra4j: no hydra4j process is running this sweep, so its jobs not started"
              + " will stay so; continue it with: hydra4j resume "
              + Display.path(snapshot.run().dir()));
      return 1;
    }
    boolean allOk = snapshot.jobs().stream().allMatch(j -> j.state().isSuccess());
    out.println(
        "hydra4j: every job has ended ("
            + Display.counts(snapshot.jobs().size(), snapshot.tally())
            + "); results: hydra4j collect "
            + Display.path(snapshot.run().dir()));
    return allOk ? 0 : 1;
  }

  /** A sweep without a plan is walked again, to see job directories that appeared since. */
  private static RecordedRun reopen(RecordedRun run) {
    return run.kind() == RecordedRun.Kind.SWEEP
            && run.command().isEmpty()
            && !java.nio.file.Files.exists(run.dir().resolve(RunFiles.PLAN_JSON))
        ? RecordedRun.open(run.dir())
        : run;
  }
}
