package dev.hydra4j.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.compose.PlainValues;
import dev.hydra4j.config.ConfigNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support for conformance/sweeps.json: loading the cases, writing a case's config tree, and
 * both sides of a comparison as plain Java values (ints as Long, floats as Double, maps in key
 * order), decoding the README's encodings.
 */
final class GoldenSweeps {

  private GoldenSweeps() {}

  /** The shared golden sweeps, then those recorded for real-world trees (issue 8). */
  static List<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    for (String resource :
        List.of("/conformance/sweeps.json", "/conformance-real-world/sweeps.json")) {
      try (InputStream in = GoldenSweeps.class.getResourceAsStream(resource)) {
        new ObjectMapper().readTree(in).get("cases").forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static JsonNode byId(String id) {
    return cases().stream()
        .filter(c -> c.get("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no golden case " + id));
  }

  static void writeTree(Path root, JsonNode files) throws IOException {
    var it = files.fields();
    while (it.hasNext()) {
      var e = it.next();
      Path file = root.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue().asText());
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  static Object plain(ConfigNode node) {
    return PlainValues.of(node);
  }

  static Object plain(JsonNode json) {
    return PlainValues.of(json);
  }

  static List<String> keyOrder(Object value) {
    return PlainValues.keyOrder(value);
  }
}
