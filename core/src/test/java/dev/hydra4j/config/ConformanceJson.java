package dev.hydra4j.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Test support: the conformance files' config encoding (plain JSON, {"$float": "inf"}). */
final class ConformanceJson {

  private ConformanceJson() {}

  static ConfigNode decode(JsonNode json) {
    if (json.isObject() && json.has("$float")) {
      return ConfigValue.of(GoldenTrees.parseFloat(json.get("$float").asText()), null);
    }
    if (json.isObject()) {
      ConfigMap.Builder map = ConfigMap.builder(null);
      json.fields().forEachRemaining(e -> map.put(e.getKey(), decode(e.getValue())));
      return map.build();
    }
    if (json.isArray()) {
      List<ConfigNode> items = new ArrayList<>();
      json.forEach(item -> items.add(decode(item)));
      return new ConfigList(items, null);
    }
    if (json.isFloatingPointNumber()) {
      return ConfigValue.of(json.doubleValue(), null);
    }
    if (json.isIntegralNumber()) {
      return ConfigValue.of(json.bigIntegerValue(), null);
    }
    if (json.isBoolean()) {
      return ConfigValue.of(json.booleanValue(), null);
    }
    return ConfigValue.of(json.isNull() ? null : json.textValue(), null);
  }
}
