package dev.hydra4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: the golden files' tree encoding (floats as {"$float": repr}, mappings as {"$map":
 * [[key, value], ...]}) decoded into config nodes.
 */
final class GoldenTrees {

  private GoldenTrees() {}

  static JsonNode load(String resource) {
    try (InputStream in = GoldenTrees.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ConfigNode decode(JsonNode json) {
    if (json.isObject() && json.has("$float")) {
      return ConfigValue.of(parseFloat(json.get("$float").asText()), null);
    }
    if (json.isObject() && json.has("$map")) {
      ConfigMap.Builder map = ConfigMap.builder(null);
      for (JsonNode pair : json.get("$map")) {
        map.put(pair.get(0).asText(), decode(pair.get(1)));
      }
      return map.build();
    }
    if (json.isArray()) {
      List<ConfigNode> items = new ArrayList<>();
      json.forEach(item -> items.add(decode(item)));
      return new ConfigList(items, null);
    }
    if (json.isNull()) {
      return ConfigValue.of(null, null);
    }
    if (json.isBoolean()) {
      return ConfigValue.of(json.booleanValue(), null);
    }
    if (json.isIntegralNumber()) {
      return ConfigValue.of(json.bigIntegerValue(), null);
    }
    if (json.isTextual()) {
      return ConfigValue.of(json.textValue(), null);
    }
    throw new IllegalArgumentException("unexpected golden value " + json);
  }

  static double parseFloat(String repr) {
    return switch (repr) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(repr);
    };
  }
}
