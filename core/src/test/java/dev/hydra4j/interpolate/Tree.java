package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds config trees in tests, standing in for a YAML reader: plain Java values become {@link
 * ConfigValue}s whose origin is the next line of one pretend file.
 */
final class Tree {

  static final ZonedDateTime NOW =
      ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 123_456_000, ZoneOffset.UTC);

  private final String file;
  private int line;

  Tree(String file) {
    this.file = file;
  }

  Tree() {
    this("conf/config.yaml");
  }

  /** A map from alternating keys and values. */
  ConfigMap map(Object... keyValues) {
    ConfigMap.Builder out = ConfigMap.builder(Origin.ofFile(file, ++line, 1));
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], node(keyValues[i + 1]));
    }
    return out.build();
  }

  ConfigList list(Object... items) {
    Origin origin = Origin.ofFile(file, ++line, 1);
    List<ConfigNode> nodes = new ArrayList<>();
    for (Object item : items) {
      nodes.add(node(item));
    }
    return new ConfigList(nodes, origin);
  }

  /** A value at an explicit line, for tests that check origins. */
  ConfigValue at(int atLine, Object value) {
    return new ConfigValue(value, Origin.ofFile(file, atLine, 1));
  }

  private ConfigNode node(Object value) {
    return value instanceof ConfigNode n
        ? n
        : new ConfigValue(value, Origin.ofFile(file, ++line, 1));
  }

  static Interpolator interpolator() {
    return interpolator(Map.of());
  }

  static Interpolator interpolator(Map<String, String> env) {
    return new Interpolator(Resolvers.builtIn(), InterpolationContext.of(env, NOW));
  }
}
