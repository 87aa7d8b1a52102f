package dev.hydra4j.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void plainPrintsALinePerChangeWithoutTerminalCodes() {
    ProgressReporter plain = ProgressReporter.plain(out, Duration.ZERO);
    plain.start(counts(3, Map.of(JobState.PENDING, 3)));
    plain.update(
        JobStatus.running(0, 1, Instant.EPOCH, "h", 1),
        counts(3, Map.of(JobState.PENDING, 2, JobState.RUNNING, 1)));
    plain.update(failed(0), counts(3, Map.of(JobState.PENDING, 2, JobState.FAILED, 1)));
    plain.message("Interrupted");
    plain.finish(counts(3, Map.of(JobState.PENDING, 2, JobState.FAILED, 1)));

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(
        "launching 3 jobs\n"
            + "job 0 RUNNING  (0/3)\n"
            + "job 0 FAILED (exit 2, 1.5 s)  (1/3)\n"
            + "Interrupted\n",
        text);
    assertTrue(text.indexOf('\r') < 0 && text.indexOf('\033') < 0);
  }

  @Test
  void plainWithIntervalReportsOnlyFailuresBetweenCountLines() {
    ProgressReporter plain = ProgressReporter.plain(out, Duration.ofHours(1));
    plain.start(counts(2, Map.of(JobState.PENDING, 2)));
    plain.update(
        JobStatus.running(1, 1, Instant.EPOCH, "h", 1),
        counts(2, Map.of(JobState.PENDING, 1, JobState.RUNNING, 1)));
    plain.update(failed(1), counts(2, Map.of(JobState.PENDING, 1, JobState.FAILED, 1)));
    plain.finish(counts(2, Map.of(JobState.COMPLETED, 1, JobState.FAILED, 1)));

    // the final counts are the caller's closing line, not the reporter's
    assertEquals(
        "launching 2 jobs\njob 1 FAILED (exit 2, 1.5 s)\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void countLinesComeBetweenChangesAtTheInterval() {
    // an interval shorter than the sweep: each update prints the counts
    ProgressReporter plain = ProgressReporter.plain(out, Duration.ofNanos(1));
    plain.start(counts(2, Map.of(JobState.PENDING, 2)));
    plain.update(failed(0), counts(2, Map.of(JobState.PENDING, 1, JobState.FAILED, 1)));
    plain.finish(counts(2, Map.of(JobState.PENDING, 1, JobState.FAILED, 1)));
    assertEquals(
        "launching 2 jobs\njob 0 FAILED (exit 2, 1.5 s)\n1/2 done: pending 1 · failed 1\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theEndedCountsCallJobsStillPendingNotStarted() {
    StateCounts ended =
        counts(6, Map.of(JobState.PENDING, 4, JobState.COMPLETED, 1, JobState.FAILED, 1));
    assertEquals("completed 1 · failed 1 · not started 4", ended.describeEnded());
    assertEquals("pending 4 · completed 1 · failed 1", ended.describe());
    assertEquals("completed 2", counts(2, Map.of(JobState.COMPLETED, 2)).describeEnded());
    assertEquals("not started 2", counts(2, Map.of(JobState.PENDING, 2)).describeEnded());
  }

  @Test
  void terminalRedrawsOneLineWithABar() {
    ProgressReporter terminal = ProgressReporter.terminal(out);
    terminal.start(counts(4, Map.of(JobState.PENDING, 4)));
    terminal.update(failed(0), counts(4, Map.of(JobState.PENDING, 3, JobState.FAILED, 1)));
    terminal.finish(counts(4, Map.of(JobState.COMPLETED, 3, JobState.FAILED, 1)));

    String text = bytes.toString(StandardCharsets.UTF_8);
    String[] draws = text.split("\r\033\\[K", -1);
    assertTrue(draws[1].startsWith("[························]  0/4  pending 4"), draws[1]);
    assertEquals("job 0 FAILED (exit 2, 1.5 s)\n", draws[2]);
    // the last draw is cleared: the caller's closing line takes its place
    assertTrue(draws[3].startsWith("[#####"), draws[3]);
    assertEquals("", draws[draws.length - 1], text);
    assertEquals(5, draws.length, text);
  }

  private static JobStatus failed(int num) {
    return JobStatus.running(num, 1, Instant.EPOCH, "h", 1)
        .ended(JobState.FAILED, 2, Instant.EPOCH.plusMillis(1500));
  }

  private static StateCounts counts(int total, Map<JobState, Integer> byState) {
    return new StateCounts(total, new EnumMap<>(byState));
  }
}
