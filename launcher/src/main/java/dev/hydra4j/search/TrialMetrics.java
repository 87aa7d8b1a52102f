package dev.hydra4j.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The objective values a trial's job reports: its final values from {@code metrics.json} (or else
 * the last line of {@code metrics.jsonl}), and the curve of the first objective over the lines of
 * {@code metrics.jsonl}, each at its {@code step} (or its line number). A key matches nested
 * objects too: {@code val/acc} finds {@code {"val": {"acc": 0.9}}}.
 */
final class TrialMetrics {

  static final String FINAL = RunLayout.METRICS;
  static final String CURVE = RunLayout.METRICS_SERIES;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrialMetrics() {}

  /** The values of {@code keys}, or {@code null} when any is missing. */
  static List<Double> finalValues(Path jobDir, List<String> keys) {
    JsonNode node = read(jobDir.resolve(FINAL));
    if (node == null) {
      List<String> lines = lines(jobDir.resolve(CURVE));
      node = lines.isEmpty() ? null : parse(lines.get(lines.size() - 1));
    }
    if (node == null) {
      return null;
    }
    List<Double> values = new ArrayList<>();
    for (String key : keys) {
      Double v = value(node, key);
      if (v == null) {
        return null;
      }
      values.add(v);
    }
    return values;
  }

  /** The curve of {@code key} in metrics.jsonl, step to value; a torn last line is skipped. */
  static SortedMap<Long, Double> curve(Path jobDir, String key) {
    SortedMap<Long, Double> curve = new TreeMap<>();
    List<String> lines = lines(jobDir.resolve(CURVE));
    for (int i = 0; i < lines.size(); i++) {
      JsonNode node = parse(lines.get(i));
      Double v = node == null ? null : value(node, key);
      if (v != null) {
        JsonNode step = node.get("step");
        curve.put(step != null && step.canConvertToLong() ? step.asLong() : i, v);
      }
    }
    return curve;
  }

  private static Double value(JsonNode node, String key) {
    JsonNode direct = node.get(key);
    if (direct != null && direct.isNumber()) {
      return direct.asDouble();
    }
    for (String sep : new String[] {"/", "."}) {
      JsonNode at = node;
      for (String part : key.split(java.util.regex.Pattern.quote(sep))) {
        at = at == null ? null : at.get(part);
      }
      if (at != null && at.isNumber()) {
        return at.asDouble();
      }
    }
    return null;
  }

  private static JsonNode read(Path file) {
    try {
      return Files.exists(file) ? parse(Files.readString(file)) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file)
          ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList()
          : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
