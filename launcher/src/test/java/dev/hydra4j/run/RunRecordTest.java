package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {

  @TempDir Path dir;

  @Test
  void writesAndReadsBack() throws IOException {
    RunRecord record =
        new RunRecord(
            "0.1.0",
            Instant.parse("2025-01-31T12:00:00.125Z"),
            "ada",
            "ws1",
            Path.of("/home/ada/proj"),
            List.of("--multirun", "lr=0.1,0.2", "x=\"$(y)\"\n"),
            new GitInfo("3f047ca", "main", true));
    record.write(dir);
    assertEquals(record, RunRecord.read(dir));
  }

  @Test
  void capturesThisProcess() throws IOException {
    RunRecord record = RunRecord.capture("0.1.0", List.of("a=1"));
    assertEquals(System.getProperty("user.name"), record.user());
    assertEquals(Host.name(), record.host());
    assertNotNull(record.git());
    record.write(dir);
    assertEquals(record, RunRecord.read(dir));
  }
}
