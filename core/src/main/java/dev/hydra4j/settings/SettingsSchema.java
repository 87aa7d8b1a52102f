package dev.hydra4j.settings;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.Suggestions;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The settings one component reads from one config node ({@code hydra.launcher} of the local
 * launcher, {@code hydra.sweeper} of the basic sweeper): each key's kind and range. {@link #check}
 * is the one place those values are validated; components read the typed result.
 *
 * @param prefix where the node sits, e.g. {@code hydra.launcher}
 * @param owner who reads it, for messages ("the local launcher")
 * @param settings every key the node may hold
 */
public record SettingsSchema(String prefix, String owner, List<Setting> settings) {

  public SettingsSchema {
    settings = List.copyOf(settings);
  }

  /** Checks the schema's node of {@code composition}, resolving each declared key alone. */
  public CheckedSettings check(Composition composition) {
    ConfigNode raw = ConfigTree.select(composition.config(), ConfigPath.parse(prefix));
    return check(
        raw,
        key ->
            composition
                .interpolator()
                .resolve(composition.config(), ConfigPath.parse(prefix).child(key)));
  }

  /**
   * Checks {@code node} (the raw, unresolved node; {@code null} when absent) against the schema.
   *
   * @param resolve resolves one key's value (its interpolations), given the key; it is called only
   *     for declared keys, so an unrelated unresolvable value does not stop the check
   * @throws ConfigException for an unknown key (with did-you-mean), a missing ({@code ???}) value,
   *     or a value of the wrong kind or out of range, at the value's origin
   */
  public CheckedSettings check(ConfigNode node, Function<String, ConfigNode> resolve) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Origin> origins = new LinkedHashMap<>();
    Map<String, ConfigNode> entries = node instanceof ConfigMap map ? map.entries() : Map.of();
    if (node != null
        && !(node instanceof ConfigMap)
        && !(node instanceof ConfigValue v && v.value() == null)) {
      throw new ConfigException(
          prefix + " must be a mapping of settings",
          node.origin(),
          "set single keys, e.g. "
              + prefix
              + "."
              + settings.get(0).key()
              + "="
              + settings.get(0).kind().example());
    }
    for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
      if (find(e.getKey()) == null) {
        List<String> keys = settings.stream().map(Setting::key).toList();
        throw new ConfigException(
            "Unknown setting '" + prefix + "." + e.getKey() + "' for " + owner,
            e.getValue().origin(),
            Suggestions.didYouMean(e.getKey(), keys)
                + "settings of "
                + owner
                + ": "
                + String.join(", ", keys));
      }
    }
    for (Setting setting : settings) {
      String path = prefix + "." + setting.key();
      ConfigNode raw = entries.get(setting.key());
      ConfigNode value = raw == null ? null : resolve.apply(setting.key());
      values.put(setting.key(), read(setting, path, value));
      origins.put(setting.key(), value == null ? Origin.BUILT_IN : value.origin());
    }
    return new CheckedSettings(this, values, origins);
  }

  private static Object read(Setting setting, String path, ConfigNode value) {
    if (value == null) {
      return setting.fallback();
    }
    if (value instanceof ConfigValue v && v.isMissing()) {
      throw new ConfigException(
          path + " is missing (???)",
          value.origin(),
          "give it a value, e.g. " + path + "=" + setting.kind().example());
    }
    if (value instanceof ConfigValue v && v.value() == null) {
      if (!setting.nullable()) {
        throw new ConfigException(
            path + " cannot be null: it must be " + setting.kind().describe(),
            value.origin(),
            "e.g. " + path + "=" + setting.kind().example());
      }
      return setting.fallback();
    }
    return setting.kind().read(path, value);
  }

  Setting find(String key) {
    for (Setting s : settings) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    return null;
  }
}
