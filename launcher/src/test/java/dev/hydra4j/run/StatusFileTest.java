package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {

  @TempDir Path dir;

  @Test
  void roundTripsEveryField() throws IOException {
    JobStatus status =
        new JobStatus(
            7,
            JobState.FAILED,
            3,
            Instant.parse("2025-01-31T12:00:00.125Z"),
            Instant.parse("2025-01-31T12:00:04.500Z"),
            null,
            "node7",
            4242L,
            2,
            Map.of("error", "said \"no\"\nthen left", "slurm_job_id", "99"));
    StatusFile.write(dir, status);

    JobStatus back = StatusFile.read(dir, 7);

    assertEquals(status, back);
    assertEquals(Duration.ofMillis(4375), back.duration());
    String text = Files.readString(StatusFile.path(dir));
    assertTrue(
        text.startsWith("{\"num\":7,\"state\":\"FAILED\",\"attempt\":2,\"exit_code\":3,"), text);
    assertTrue(text.contains("\"duration_s\":4.375"), text);
    assertTrue(text.endsWith("}\n") && text.indexOf('\n') == text.length() - 1, text);
  }

  @Test
  void missingFileIsPending() {
    JobStatus status = StatusFile.read(dir.resolve("never-started"), 4);
    assertEquals(JobStatus.pending(4), status);
    assertEquals(0, status.attempt());
  }

  @Test
  void corruptFileIsAnErrorNamingIt() throws IOException {
    Files.writeString(StatusFile.path(dir), "{\"num\":1,\"state\":\"COMPL");
    ConfigException e = assertThrows(ConfigException.class, () -> StatusFile.read(dir, 1));
    assertTrue(e.getMessage().contains(StatusFile.path(dir).toString()), e.getMessage());
    assertTrue(e.hint().contains("delete"), e.hint());
  }

  @Test
  void unknownStateAndMissingStateAreErrors() throws IOException {
    Files.writeString(StatusFile.path(dir), "{\"num\":1,\"state\":\"DONE\"}");
    assertTrue(
        assertThrows(ConfigException.class, () -> StatusFile.read(dir, 1))
            .getMessage()
            .contains("unknown state 'DONE'"));
    Files.writeString(StatusFile.path(dir), "{\"num\":1}");
    assertTrue(
        assertThrows(ConfigException.class, () -> StatusFile.read(dir, 1))
            .getMessage()
            .contains("no \"state\""));
    Files.writeString(StatusFile.path(dir), "");
    assertThrows(ConfigException.class, () -> StatusFile.read(dir, 1));
  }

  /** The SLURM array script writes the file with bash's printf: it must read back. */
  @Test
  void readsWhatBashPrintfWrites() throws Exception {
    String script =
        "t0=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ); t1=$(date -u +%s);"
            + "printf '{\"num\":%d,\"state\":\"%s\",\"attempt\":%d,\"exit_code\":%d,"
            + "\"start\":\"%s\",\"end\":\"%s\",\"host\":\"%s\",\"pid\":%d,"
            + "\"slurm_job_id\":\"%s\"}\\n' 5 COMPLETED 1 0 \"$t0\" \"$t1\" node1 $$ 123_5"
            + " > \"$1/.status.json.$$.tmp\" && mv -f \"$1/.status.json.$$.tmp\" \"$1/status.json\"";
    Process bash =
        new ProcessBuilder("bash", "-c", script, "bash", dir.toString()).inheritIO().start();
    assertEquals(0, bash.waitFor());

    JobStatus status = StatusFile.read(dir, 5);

    assertEquals(JobState.COMPLETED, status.state());
    assertEquals(0, status.exitCode());
    assertEquals("node1", status.host());
    assertEquals("123_5", status.extra().get("slurm_job_id"));
    assertTrue(status.start() != null && status.end() != null && status.duration() != null);
  }

  @Test
  void readsLooseValues() throws IOException {
    Files.writeString(
        StatusFile.path(dir),
        "{\"num\":\"2\",\"state\":\"cancelled by 1000\","
            + "\"exit_code\":null,\"start\":1700000000.5,\"end\":\"2023-11-14T23:13:21+01:00\","
            + "\"pid\":\"17\",\"nested\":{\"a\":[1]},\"count\":3,\"ok\":true}");

    JobStatus status = StatusFile.read(dir, 9);

    assertEquals(2, status.num());
    assertEquals(JobState.CANCELLED, status.state());
    assertNull(status.exitCode());
    assertEquals(Instant.ofEpochSecond(1700000000L, 500_000_000L), status.start());
    assertEquals(Instant.parse("2023-11-14T22:13:21Z"), status.end());
    assertEquals(17L, status.pid());
    assertEquals(Map.of("count", "3", "ok", "true"), status.extra());
  }

  @Test
  void extraFieldsMayNotShadowFixedOnes() {
    assertThrows(
        IllegalArgumentException.class, () -> JobStatus.pending(1).withExtra("state", "x"));
  }

  @Test
  void stateFamilies() {
    for (JobState state : JobState.values()) {
      assertEquals(state != JobState.PENDING && state != JobState.RUNNING, state.isTerminal());
      assertEquals(state == JobState.COMPLETED || state == JobState.PRUNED, state.isSuccess());
    }
    assertEquals(
        List.of(JobState.OUT_OF_MEMORY, JobState.NODE_FAIL),
        List.of(JobState.parse("out_of_memory"), JobState.parse(" NODE_FAIL ")));
  }

  /** The fast reader of hydra4j's own instants agrees with java.time on every form. */
  @Test
  void instantsReadAsJavaTimeReadsThem() throws IOException {
    for (String text :
        List.of(
            "2025-01-31T12:00:00Z",
            "2025-01-31T12:00:00.1Z",
            "2024-02-29T23:59:59.125Z",
            "1999-12-31T00:00:00.123456789Z",
            "2025-01-31T12:00:00+02:00",
            "2025-01-31T12:00:00.5z")) {
      byte[] json =
          ("{\"num\":1,\"state\":\"RUNNING\",\"start\":\"" + text + "\"}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Instant expected = java.time.OffsetDateTime.parse(text.replace('z', 'Z')).toInstant();
      assertEquals(expected, StatusJson.read(json, -1).start(), text);
    }
    byte[] bad =
        "{\"num\":1,\"state\":\"RUNNING\",\"start\":\"2025-02-30T12:00:00Z\"}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(java.time.DateTimeException.class, () -> StatusJson.read(bad, -1));
  }
}
