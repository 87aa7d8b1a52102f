package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversion between evaluated Java values (resolver arguments and results) and nodes. */
final class NodeValues {

  private NodeValues() {}

  /**
   * {@code value} as a node; new nodes get {@code origin}, existing nodes keep theirs.
   *
   * @throws IllegalArgumentException for a type a config cannot hold
   */
  static ConfigNode toNode(Object value, Origin origin) {
    if (value instanceof ConfigNode node) {
      return node;
    }
    if (value instanceof Map<?, ?> map) {
      ConfigMap.Builder out = ConfigMap.builder(origin);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), toNode(e.getValue(), origin));
      }
      return out.build();
    }
    if (value instanceof List<?> list) {
      List<ConfigNode> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(toNode(item, origin));
      }
      return new ConfigList(items, origin);
    }
    return new ConfigValue(scalar(value), origin);
  }

  private static Object scalar(Object value) {
    if (value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Character c) {
      return c.toString();
    }
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer
        || value instanceof BigInteger
        || value instanceof Double
        || value instanceof Float) {
      return value;
    }
    throw new IllegalArgumentException(
        "a config cannot hold a " + value.getClass().getName() + " (" + value + ")");
  }

  /** A scalar node's value; mappings and lists stay nodes. */
  static Object plain(Object value) {
    return value instanceof ConfigValue v ? v.value() : value;
  }
}
