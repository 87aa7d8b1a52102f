package dev.hydra4j.execute;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of settings from a composition, each key resolved on its own when read, so an
 * unrelated unresolvable key (such as {@code hydra.sweep.subdir} in a single run) does not stop the
 * read; errors name the key.
 */
final class HydraSettings {

  private final Composition composition;

  HydraSettings(Composition composition) {
    this.composition = composition;
  }

  ConfigNode node(String path) {
    ConfigPath at = ConfigPath.parse(path);
    if (ConfigTree.select(composition.config(), at) == null) {
      return null;
    }
    return composition.interpolator().resolve(composition.config(), at);
  }

  String text(String path, String fallback) {
    ConfigNode node = node(path);
    if (node instanceof ConfigValue v && v.value() != null && !v.isMissing()) {
      return String.valueOf(v.value());
    }
    return fallback;
  }

  Long integer(String path, Long fallback) {
    ConfigNode node = node(path);
    if (node == null || (node instanceof ConfigValue v && v.value() == null)) {
      return fallback;
    }
    if (node instanceof ConfigValue v
        && v.value() instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new ConfigException(
        "'" + path + "' must be a whole number, not " + node, node.origin(), "e.g. " + path + "=4");
  }

  Double number(String path, Double fallback) {
    ConfigNode node = node(path);
    if (node == null || (node instanceof ConfigValue v && v.value() == null)) {
      return fallback;
    }
    if (node instanceof ConfigValue v && v.value() instanceof Number n) {
      return n.doubleValue();
    }
    throw new ConfigException(
        "'" + path + "' must be a number, not " + node, node.origin(), "e.g. " + path + "=30");
  }

  boolean flag(String path, boolean fallback) {
    ConfigNode node = node(path);
    if (node == null || (node instanceof ConfigValue v && v.value() == null)) {
      return fallback;
    }
    if (node instanceof ConfigValue v && v.value() instanceof Boolean b) {
      return b;
    }
    throw new ConfigException(
        "'" + path + "' must be true or false, not " + node,
        node.origin(),
        "e.g. " + path + "=true");
  }

  /** A list of words; a single string counts as one word. */
  List<String> words(String path) {
    ConfigNode node = node(path);
    List<String> out = new ArrayList<>();
    if (node instanceof ConfigList list) {
      for (ConfigNode item : list.items()) {
        if (!(item instanceof ConfigValue v) || v.value() == null) {
          throw new ConfigException(
              "'" + path + "' must be a list of words",
              item.origin(),
              "e.g. " + path + "=[python3,train.py]");
        }
        out.add(String.valueOf(v.value()));
      }
    } else if (node instanceof ConfigValue v && v.value() != null && !v.isMissing()) {
      out.add(String.valueOf(v.value()));
    }
    return out;
  }

  Map<String, String> strings(String path) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node(path) instanceof ConfigMap map) {
      map.entries()
          .forEach(
              (k, v) -> {
                if (v instanceof ConfigValue value) {
                  out.put(k, value.value() == null ? "" : String.valueOf(value.value()));
                }
              });
    }
    return out;
  }
}
