package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("ClosingStandardOutputStreams") // RunIndex.close() keeps System.err open
class RunIndexTest {

  @TempDir Path tmp;

  private static PrintStream sink(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void refreshReadsOnlyWhatChanged() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("multirun/a"));
    s.job(0, "COMPLETED", "{\"acc\": 0.5}", "lr=0.1");
    s.job(1, "RUNNING", null, "lr=0.2");
    Path file = tmp.resolve("idx.db");
    try (RunIndex index = RunIndex.open(file, System.err)) {
      new IndexRefresh(index).refresh(List.of(tmp.resolve("multirun")));
      IndexedRun run = index.runs().get(0);
      assertEquals(JobState.RUNNING, run.status());
      assertEquals(List.of("acc"), run.metricNames());
      String before = index.jobs(run.dir()).get(0).fingerprint();
      FabricatedSweep.status(s.dir().resolve("1"), 1, "COMPLETED");
      new IndexRefresh(index).refresh(List.of(tmp.resolve("multirun")));
      List<IndexedJob> jobs = index.jobs(run.dir());
      assertEquals(before, jobs.get(0).fingerprint());
      assertEquals("COMPLETED", jobs.get(1).state());
      assertEquals(JobState.COMPLETED, index.runs().get(0).status());
    }
  }

  @Test
  void anIndexOfAnotherSchemaIsRebuiltQuietly() throws Exception {
    Path file = tmp.resolve("idx.db");
    try (RunIndex index = RunIndex.open(file, System.err);
        Statement s = index.db().createStatement()) {
      s.execute("UPDATE info SET value = '0' WHERE key = 'schema'");
      s.execute("INSERT INTO runs (dir, kind) VALUES ('/x', 'run')");
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (RunIndex index = RunIndex.open(file, sink(err))) {
      assertEquals(List.of(), index.runs());
    }
    assertEquals("", err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void valuesRoundTripThroughTheIndexJson() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("a", 1L);
    values.put("b", 0.5);
    values.put("c", Double.NaN);
    values.put("d", Double.NEGATIVE_INFINITY);
    values.put("e", "text");
    values.put("f", true);
    values.put("g", null);
    assertEquals(values, IndexJson.readMap(IndexJson.map(values)));
    assertEquals(List.of("x", "y\"z"), IndexJson.readList(IndexJson.list(List.of("x", "y\"z"))));
  }

  @Test
  void theOverallStateOfARun() {
    assertEquals(JobState.COMPLETED, IndexedRun.overall(Map.of(JobState.COMPLETED, 3), 0, 3));
    assertEquals(
        JobState.FAILED,
        IndexedRun.overall(Map.of(JobState.COMPLETED, 2, JobState.TIMEOUT, 1), 0, 3));
    assertEquals(
        JobState.RUNNING,
        IndexedRun.overall(Map.of(JobState.RUNNING, 1, JobState.FAILED, 1), 0, 2));
    assertEquals(
        JobState.INTERRUPTED,
        IndexedRun.overall(Map.of(JobState.COMPLETED, 1, JobState.INTERRUPTED, 1), 0, 2));
    // a job waiting in a queue keeps the run pending; jobs never started do not
    Map<JobState, Integer> stopped =
        Map.of(JobState.COMPLETED, 1, JobState.FAILED, 1, JobState.PENDING, 2);
    assertEquals(JobState.PENDING, IndexedRun.overall(stopped, 1, 4));
    assertEquals(JobState.FAILED, IndexedRun.overall(stopped, 2, 4));
  }

  @Test
  void lowerIsBetterIsGuessedFromTheName() {
    for (String name :
        new String[] {
          "loss",
          "val/loss",
          "train_error",
          "err",
          "val_err",
          "rmse",
          "wer",
          "epoch_time",
          "latency_ms"
        }) {
      assertFalse(BestMetric.guessMax(name), name);
    }
    for (String name : new String[] {"mAP50", "accuracy", "f1", "power", "answer", "pdm"}) {
      assertTrue(BestMetric.guessMax(name), name);
    }
  }
}
