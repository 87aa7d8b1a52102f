package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hydra4j.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetaTest {

  @TempDir Path tmp;

  @Test
  void writeThenReadGivesTheSameMeta() throws Exception {
    RunMeta.write(tmp, "baseline", List.of("paper", "v2", "paper"), List.of("first try"));
    RunMeta meta = RunMeta.read(tmp);
    assertEquals("baseline", meta.name());
    assertEquals(List.of("paper", "v2"), meta.tags());
    assertEquals("first try", meta.notes().get(0).text());
    Instant t = Instant.parse("2026-02-01T10:00:00Z");
    RunMeta edited = meta.editTags(List.of("+best", "-v2", "x")).withNote(t, "lr too high");
    edited.write(tmp);
    RunMeta again = RunMeta.read(tmp);
    assertEquals(List.of("paper", "best", "x"), again.tags());
    assertEquals(new RunMeta.Note(t, "lr too high"), again.notes().get(1));
  }

  @Test
  void nothingToSayWritesNothing() throws Exception {
    RunMeta.write(tmp, null, List.of(), List.of());
    assertFalse(Files.exists(tmp.resolve("meta.json")));
    assertEquals(RunMeta.NONE, RunMeta.read(tmp));
  }

  @Test
  void withoutMetaJsonTheRecordedCommandLineSpeaks() throws Exception {
    Files.writeString(
        tmp.resolve("run.json"),
        "{\"argv\":[\"-m\",\"--name\",\"base\","
            + "\"--tag=a\",\"--tag\",\"b\",\"--note\",\"hi\",\"--\",\"--name\",\"task\"]}");
    RunMeta meta = RunMeta.read(tmp);
    assertEquals("base", meta.name());
    assertEquals(List.of("a", "b"), meta.tags());
    assertEquals("hi", meta.notes().get(0).text());
  }

  @Test
  void aDamagedMetaJsonIsAClearError() throws Exception {
    Files.writeString(tmp.resolve("meta.json"), "{\"tags\": [");
    ConfigException e = assertThrows(ConfigException.class, () -> RunMeta.read(tmp));
    assertEquals(tmp.resolve("meta.json").toString(), e.origin().file());
  }
}
