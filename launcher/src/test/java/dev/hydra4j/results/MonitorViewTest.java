package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorViewTest {

  @TempDir Path tmp;

  @Test
  void aRunningJobShowsTheLatestValueAndASparklineOfEachCurve() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp);
    Path running = s.job(0, "RUNNING", null, "lr=0.1");
    StringBuilder log = new StringBuilder();
    for (int step = 1; step <= 8; step++) {
      log.append("{\"step\": ")
          .append(step * 100)
          .append(", \"reward\": ")
          .append(step)
          .append(", \"sps\": 850}\n");
    }
    Files.writeString(running.resolve("metrics.jsonl"), log);
    SweepSnapshot snapshot = SweepSnapshot.read(RecordedRun.open(tmp));
    String frame = MonitorView.frame(snapshot, Instant.parse("2026-01-31T12:01:02Z"), 0, 0, 0);
    assertTrue(frame.contains("\n    reward 8.0 @800 ▁▂▃▄▅▆▇█  sps 850.0 @800 ▅▅▅▅▅▅▅▅\n"), frame);
  }

  @Test
  void aFrameShowsProgressFailuresFirstAndRunningJobsWithTheirLogs() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp);
    s.job(0, "COMPLETED", "{}", "lr=0.1");
    Path failed = s.job(1, "FAILED", null, "lr=0.2");
    Path running = s.job(2, "RUNNING", null, "lr=0.3");
    s.job(3, null, null, "lr=0.4");
    Files.writeString(failed.resolve("stderr.log"), "a\nb\nOOM\n");
    Files.writeString(
        running.resolve("combined.log"),
        "2026-01-31 12:00:01.000 [out] epoch 1\n2026-01-31 12:00:02.000 [err] warn\n");
    SweepSnapshot snapshot = SweepSnapshot.read(RecordedRun.open(tmp));
    String frame = MonitorView.frame(snapshot, Instant.parse("2026-01-31T12:01:02Z"), 80, 0, 2);
    String[] lines = frame.split("\n");
    assertEquals("[#########################.........................]  2/4 done  50%", lines[1]);
    assertEquals("1 PENDING  1 RUNNING  1 COMPLETED  1 FAILED", lines[2]);
    assertEquals(
        """
        failed (1)
          job 1 FAILED exit 1  0:02  on ws1
            | b
            | OOM

        running (1)
          job 2 RUNNING  1:00  on ws1
            | 12:00:01.000 [out] epoch 1
            | 12:00:02.000 [err] warn
        """,
        String.join("\n", java.util.Arrays.copyOfRange(lines, 4, lines.length)) + "\n");
    String small = MonitorView.frame(snapshot, Instant.parse("2026-01-31T12:01:02Z"), 20, 4, 2);
    assertEquals(3, small.split("\n").length);
    for (String line : small.split("\n")) {
      assertEquals(true, line.length() <= 20, line);
    }
  }
}
