package dev.hydra4j.results;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The files hydra4j writes into a run or sweep directory, read leniently: a record that is missing
 * or damaged reads as absent, because results are shown from whatever survived.
 */
final class RunFiles {

  static final String RUN_JSON = dev.hydra4j.run.RunRecord.NAME;
  static final String PLAN_JSON = RunLayout.PLAN;
  static final String SUMMARY_JSON = RunLayout.SUMMARY;
  static final String MULTIRUN_YAML = RunLayout.MULTIRUN;
  static final String METRICS_JSON = dev.hydra4j.run.JobLogs.METRICS;
  static final String HYDRA_DIR = RunLayout.HYDRA_DIR;

  // Python's json.dump writes NaN and Infinity for float('nan') and float('inf').
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private RunFiles() {}

  /** The JSON content of {@code file}, or {@code null} when it is missing or not JSON. */
  static JsonNode json(Path file) {
    try {
      return readJson(file);
    } catch (IOException e) {
      return null;
    }
  }

  /** The JSON content of {@code file}; NaN and Infinity are accepted, as Python writes them. */
  static JsonNode readJson(Path file) throws IOException {
    return parseJson(Files.readString(file));
  }

  /** {@link #readJson} of text already read. */
  static JsonNode parseJson(String text) throws IOException {
    JsonNode node = MAPPER.readTree(text);
    if (node == null || node.isMissingNode()) {
      throw new com.fasterxml.jackson.core.JsonParseException(null, "the file is empty");
    }
    return node;
  }

  /** The command-line words recorded in {@code dir/run.json}, or empty. */
  static List<String> argv(Path dir) {
    JsonNode run = json(dir.resolve(RUN_JSON));
    return run == null ? List.of() : strings(run.path("argv"));
  }

  /** The lines of a job's {@code .hydra/overrides.yaml}, or empty. */
  static List<String> overrides(Path jobDir) {
    Path file = jobDir.resolve(HYDRA_DIR).resolve(RunLayout.OVERRIDES);
    try {
      Object loaded =
          new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
      List<String> out = new ArrayList<>();
      if (loaded instanceof List<?> list) {
        for (Object item : list) {
          out.add(String.valueOf(item));
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** Whether {@code dir} is a sweep directory: it has a plan or a multirun.yaml. */
  static boolean isSweep(Path dir) {
    return Files.isRegularFile(dir.resolve(PLAN_JSON))
        || Files.isRegularFile(dir.resolve(MULTIRUN_YAML));
  }

  /** Whether {@code dir} is a single run: its own job, with a {@code .hydra} directory. */
  static boolean isSingleRun(Path dir) {
    return !isSweep(dir)
        && Files.isDirectory(dir.resolve(HYDRA_DIR))
        && (Files.isRegularFile(dir.resolve(RUN_JSON))
            || Files.isRegularFile(dir.resolve(RunLayout.STATUS)));
  }

  /**
   * When the run or sweep in {@code dir} started: {@code run.json}'s start, else the directory's
   * modification time.
   */
  static java.time.Instant start(Path dir) {
    String start = text(json(dir.resolve(RUN_JSON)), "start");
    if (start != null) {
      try {
        return java.time.Instant.parse(start);
      } catch (java.time.DateTimeException e) {
        // fall through to the directory's time
      }
    }
    try {
      return Files.getLastModifiedTime(dir).toInstant();
    } catch (IOException e) {
      return java.time.Instant.EPOCH;
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
