package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;

/**
 * Where an interpolation string sits: relative references start from its container, and every error
 * names its key and origin.
 *
 * @param key the node holding the string, or {@code null} for a command word
 * @param origin where the string was written
 * @param source the string itself
 */
record Scope(ConfigPath key, Origin origin, String source) {

  /** The container that {@code ${.x}} looks in. Command words look in the root. */
  ConfigPath container() {
    return key == null ? ConfigPath.ROOT : key.parent();
  }

  /** "in '${x}' at key 'a.b'" for messages. */
  String where() {
    return key == null ? "in '" + source + "'" : "in '" + source + "' at key '" + key + "'";
  }
}
