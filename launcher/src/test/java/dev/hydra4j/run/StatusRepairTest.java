package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusRepairTest {

  private static final JobStatus RUNNING =
      JobStatus.running(0, 1, Instant.parse("2026-01-31T12:00:00Z"), "h", 7);
  private static final JobStatus DONE =
      RUNNING.ended(JobState.COMPLETED, 0, Instant.parse("2026-01-31T12:00:02Z"));

  @TempDir Path sweep;

  @Test
  void statusFilesBehindTheJournalAreRewrittenAndTempFilesDeleted() throws IOException {
    Path dir = Files.createDirectories(sweep.resolve("0"));
    StatusFile.write(dir, RUNNING);
    // a writer killed between creating its temp file and renaming it
    Files.write(dir.resolve(".status.json.1f2e.tmp"), StatusFile.toJson(DONE));
    try (SweepJournal journal = SweepJournal.open(sweep)) {
      journal.appendDurably(DONE, dir);
    }

    StatusRepair.Done repaired = StatusRepair.repair(SweepState.read(sweep, Map.of(0, dir)));

    assertEquals(new StatusRepair.Done(1, 0, 1), repaired);
    assertEquals(DONE, StatusFile.read(dir, 0));
    assertFalse(hasTemp(dir));
  }

  @Test
  void withoutAJournalANewerCompleteTempFileIsRecovered() throws IOException {
    Path dir = Files.createDirectories(sweep.resolve("0"));
    Path other = Files.createDirectories(sweep.resolve("1"));
    StatusFile.write(dir, RUNNING);
    Files.write(dir.resolve(".status.json.aa.tmp"), StatusFile.toJson(DONE));
    Files.writeString(other.resolve(".status.json.bb.tmp"), "{\"num\":1,\"sta");

    StatusRepair.Done repaired =
        StatusRepair.repair(SweepState.read(sweep, Map.of(0, dir, 1, other)));

    assertEquals(new StatusRepair.Done(0, 1, 1), repaired);
    assertEquals(DONE, StatusFile.read(dir, 0));
    assertEquals(JobState.PENDING, StatusFile.read(other, 1).state());
    assertFalse(hasTemp(dir) || hasTemp(other));
  }

  private static boolean hasTemp(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
    }
  }
}
