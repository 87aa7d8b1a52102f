package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a JSON object into metrics: {@code {"loss": 0.2, "val": {"mAP50": 0.8}}} gives {@code loss}
 * and {@code val.mAP50}. Numbers, booleans and strings are metrics; lists (a loss curve, per-class
 * scores) are not, and are left out — name one element with a rule ({@code path: per_class.3}) to
 * harvest it.
 */
final class MetricsJson {

  private MetricsJson() {}

  /** Adds the leaves of {@code node} under {@code prefix} (empty for the top) to {@code into}. */
  static void flatten(JsonNode node, String prefix, Map<String, Object> into) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        flatten(field.getValue(), key, into);
      }
      return;
    }
    Object value = leaf(node);
    if (value != null && !prefix.isEmpty()) {
      into.put(prefix, value);
    }
  }

  /** The metric value of a scalar node, or {@code null} for null, lists and objects. */
  static Object leaf(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isTextual()) {
      return MetricValues.parse(node.asText());
    }
    return null;
  }
}
