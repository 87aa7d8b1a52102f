package dev.hydra4j.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Both sides of a golden comparison as plain Java values: ints as Long, floats as Double. */
public final class PlainValues {

  private PlainValues() {}

  public static Object of(ConfigNode node) {
    if (node instanceof ConfigMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.entries().forEach((k, v) -> out.put(k, of(v)));
      return out;
    }
    if (node instanceof ConfigList list) {
      List<Object> out = new ArrayList<>();
      list.items().forEach(v -> out.add(of(v)));
      return out;
    }
    Object v = ((ConfigValue) node).value();
    return v instanceof BigInteger b ? b.longValue() : v;
  }

  /** A golden JSON value, decoding the conformance README's encodings. */
  public static Object of(JsonNode json) {
    if (json == null || json.isNull()) {
      return null;
    }
    if (json.isObject()) {
      if (json.has("$float")) {
        return switch (json.get("$float").asText()) {
          case "inf" -> Double.POSITIVE_INFINITY;
          case "-inf" -> Double.NEGATIVE_INFINITY;
          default -> Double.NaN;
        };
      }
      Map<String, Object> out = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        String key = e.getKey().startsWith("$key:") ? e.getKey().substring(5) : e.getKey();
        out.put(key, of(e.getValue()));
      }
      return out;
    }
    if (json.isArray()) {
      List<Object> out = new ArrayList<>();
      json.forEach(item -> out.add(of(item)));
      return out;
    }
    if (json.isIntegralNumber()) {
      return json.asLong();
    }
    if (json.isNumber()) {
      return json.asDouble();
    }
    if (json.isBoolean()) {
      return json.asBoolean();
    }
    return json.asText();
  }

  /** Key order of every mapping, depth first, for comparing order separately. */
  public static List<String> keyOrder(Object value) {
    List<String> out = new ArrayList<>();
    collect("", value, out);
    return out;
  }

  private static void collect(String path, Object value, List<String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            String p = path + "/" + k;
            out.add(p);
            collect(p, v, out);
          });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collect(path + "[" + i + "]", list.get(i), out);
      }
    }
  }
}
