package dev.hydra4j.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** study.jsonl: what is written reads back; a torn end is dropped, damage elsewhere is not. */
class StudyLogTest {

  @TempDir Path dir;

  private static final StudyLog.Header HEADER =
      new StudyLog.Header("s", List.of("val/acc"), List.of(true), 42, 5, "tpe");

  private void writeTwoTrials() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("lr", 0.001);
    params.put("width", 64L);
    params.put("opt", "adam");
    try (StudyLog log = StudyLog.create(dir, HEADER)) {
      log.trialStarted(0, params);
      log.trialStarted(1, Map.of("lr", 0.5, "width", 16L, "opt", "sgd"));
      TreeMap<Long, Double> curve = new TreeMap<>(Map.of(1L, 0.5, 2L, 0.7));
      log.trialEnded(
          Trial.running(0, params)
              .ended(TrialState.COMPLETE, List.of(0.75))
              .withIntermediate(curve));
    }
  }

  @Test
  void trialsReadBackWithTheirTypes() throws Exception {
    writeTwoTrials();
    StudyLog.Contents c = StudyLog.read(dir);
    assertEquals(HEADER, c.header());
    Trial done = c.trials().get(0);
    assertEquals(TrialState.COMPLETE, done.state());
    assertEquals(List.of(0.75), done.values());
    assertEquals(0.001, done.params().get("lr"));
    assertEquals(64L, done.params().get("width"));
    assertEquals("adam", done.params().get("opt"));
    assertEquals(Map.of(1L, 0.5, 2L, 0.7), done.intermediate());
    assertEquals(TrialState.RUNNING, c.trials().get(1).state());
  }

  @Test
  void aTornLastLineIsDroppedAndAppendingGoesOn() throws Exception {
    writeTwoTrials();
    Files.writeString(
        dir.resolve(StudyLog.NAME),
        "{\"event\":\"end\",\"num",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertEquals(2, StudyLog.read(dir).trials().size());
    try (StudyLog log = StudyLog.append(dir)) {
      log.trialStarted(2, Map.of("lr", 0.1));
    }
    StudyLog.Contents c = StudyLog.read(dir);
    assertEquals(3, c.trials().size());
    assertEquals(TrialState.RUNNING, c.trials().get(2).state());
  }

  @Test
  void aDamagedLineInTheMiddleIsALocatedError() throws Exception {
    writeTwoTrials();
    Path file = dir.resolve(StudyLog.NAME);
    List<String> lines = Files.readAllLines(file);
    lines.set(1, lines.get(1).replace("0.001", "0.002"));
    Files.write(file, lines);
    ConfigException e = assertThrows(ConfigException.class, () -> StudyLog.read(dir));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    assertEquals(2, e.origin().line());
  }
}
