package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJournalTest {

  @TempDir Path sweep;

  private static JobStatus completed(int num) {
    return JobStatus.running(num, 1, Instant.parse("2026-01-31T12:00:00Z"), "h", 100 + num)
        .ended(JobState.COMPLETED, 0, Instant.parse("2026-01-31T12:00:01.5Z"));
  }

  @Test
  void theLastRecordOfEachJobIsItsStateAndItsDirectoryIsKept() throws IOException {
    try (SweepJournal journal = SweepJournal.open(sweep)) {
      journal.append(JobStatus.running(0, 1, Instant.now(), "h", 5), sweep.resolve(".a/0"));
      journal.appendDurably(completed(0), sweep.resolve(".a/0"));
      journal.append(JobStatus.running(1, 1, Instant.now(), "h", 6), sweep.resolve("x/1"));
    }
    SweepJournal.Contents contents = SweepJournal.read(sweep);
    assertEquals(completed(0), contents.statuses().get(0));
    assertEquals(JobState.RUNNING, contents.statuses().get(1).state());
    assertEquals(sweep.resolve(".a/0"), contents.jobDirs().get(0));
    assertEquals(sweep.resolve("x/1"), contents.jobDirs().get(1));
    assertFalse(contents.tornTail());
    assertEquals(0, contents.damaged());
  }

  @Test
  void aTornLastRecordIsSkippedAndCutOffBeforeTheNextAppend() throws IOException {
    try (SweepJournal journal = SweepJournal.open(sweep)) {
      journal.appendDurably(completed(0), sweep.resolve("0"));
      journal.appendDurably(completed(1), sweep.resolve("1"));
    }
    Path file = SweepJournal.path(sweep);
    byte[] whole = Files.readAllBytes(file);
    // the launcher was killed while it wrote job 1's record: only half of it is there
    int secondLine = indexOf(whole, (byte) '\n') + 1;
    Files.write(file, java.util.Arrays.copyOf(whole, secondLine + (whole.length - secondLine) / 2));

    SweepJournal.Contents torn = SweepJournal.read(sweep);
    assertTrue(torn.tornTail());
    assertEquals(Map.of(0, completed(0)), torn.statuses());

    try (SweepJournal journal = SweepJournal.open(sweep)) {
      journal.appendDurably(completed(2), sweep.resolve("2"));
    }
    SweepJournal.Contents after = SweepJournal.read(sweep);
    assertFalse(after.tornTail());
    assertEquals(0, after.damaged());
    assertEquals(List.of(0, 2), new ArrayList<>(after.statuses().keySet()));
  }

  @Test
  void aRecordWhoseChecksumFailsIsSkippedAndCounted() throws IOException {
    try (SweepJournal journal = SweepJournal.open(sweep)) {
      journal.appendDurably(completed(0), sweep.resolve("0"));
    }
    Path file = SweepJournal.path(sweep);
    String line = Files.readString(file);
    // the same record with one changed byte: FAILED claimed without its checksum agreeing
    Files.writeString(
        file,
        line.replace("COMPLETED", "FAILED\",\"x\":\"y"),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    SweepJournal.Contents contents = SweepJournal.read(sweep);
    assertEquals(1, contents.damaged());
    assertEquals(completed(0), contents.statuses().get(0));
    assertTrue(
        SweepState.read(sweep, Map.of(0, sweep.resolve("0")))
            .journalDamage()
            .contains("1 damaged record"));
  }

  @Test
  void recordsAppendedFromManyThreadsAllArrive() throws Exception {
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (SweepJournal journal = SweepJournal.open(sweep)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        done.add(
            pool.submit(
                () -> {
                  for (int num = first; num < first + perThread; num++) {
                    journal.append(JobStatus.running(num, 1, Instant.now(), "h", num), sweep);
                    journal.appendDurably(completed(num), sweep.resolve("" + num));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    SweepJournal.Contents contents = SweepJournal.read(sweep);
    assertEquals(threads * perThread, contents.statuses().size());
    contents.statuses().forEach((num, s) -> assertEquals(completed(num), s));
    assertEquals(2L * threads * perThread, Files.readAllLines(SweepJournal.path(sweep)).size());
  }

  @Test
  void theJournalWinsOverAStaleStatusFileAndReachesHiddenOrDeepDirectories() throws IOException {
    Path hidden = Files.createDirectories(sweep.resolve(".runs/0"));
    Path deep = Files.createDirectories(sweep.resolve("a/b/c/d/e/f/g/h/i/j/1"));
    StatusFile.write(hidden, JobStatus.running(0, 1, Instant.now(), "h", 1));
    try (SweepJournal journal = SweepJournal.open(sweep)) {
      journal.appendDurably(completed(0), hidden);
      journal.appendDurably(completed(1), deep);
    }
    SweepState walked = SweepState.read(sweep);
    assertEquals(completed(0), walked.status(0));
    assertEquals(deep, walked.jobDir(1));
    SweepState planned = SweepState.read(sweep, Map.of(0, hidden, 1, deep, 2, sweep.resolve("2")));
    assertEquals(Map.of(JobState.COMPLETED, 2, JobState.PENDING, 1), planned.counts(3));
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
