package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code key=value}, {@code +key=value}, {@code ++key=value} and {@code ~key} overrides to
 * a composed config in struct mode: a plain override may only change keys that exist, so a typo
 * fails loudly instead of adding a key nothing reads.
 */
final class ValueOverrides {

  /** One value override, already parsed. */
  record ValueOverride(Kind kind, String key, ConfigNode value, String text, Origin origin) {
    enum Kind {
      CHANGE,
      ADD,
      FORCE_ADD,
      DELETE
    }
  }

  private ValueOverrides() {}

  static ConfigMap apply(ConfigMap root, List<ValueOverride> overrides) {
    ConfigNode current = root;
    for (ValueOverride o : overrides) {
      current = applyOne(current, o);
    }
    return (ConfigMap) current;
  }

  private static ConfigNode applyOne(ConfigNode root, ValueOverride o) {
    ConfigPath path = ConfigPath.parse(o.key());
    if (path.isRoot()) {
      // The grammar accepts '=5' and '~' (as Hydra's does); they name no key to change.
      throw new ConfigException(
          "The override '" + o.text() + "' names no key",
          o.origin(),
          "write key=value to set a value (e.g. lr=0.1), or ~key to delete one");
    }
    ConfigNode existing = ConfigTree.select(root, path);
    switch (o.kind()) {
      case CHANGE -> {
        if (existing == null) {
          throw unknownKey(root, path, o);
        }
        if (existing instanceof ConfigMap into && o.value() instanceof ConfigMap from) {
          return ConfigTree.set(root, path, structMerge(into, from, path, o));
        }
        return ConfigTree.set(root, path, o.value());
      }
      case ADD -> {
        if (existing != null) {
          throw new ConfigException(
              "Could not add '" + o.key() + "': the config already has a value there",
              o.origin(),
              "to change it, drop the '+': "
                  + o.text().substring(1)
                  + " (or use ++ to add or change)");
        }
        checkParentIsMap(root, path, o);
        return ConfigTree.set(root, path, o.value());
      }
      case FORCE_ADD -> {
        checkParentIsMap(root, path, o);
        return ConfigTree.set(root, path, ConfigTree.merge(existing, o.value()));
      }
      case DELETE -> {
        if (existing == null) {
          throw new ConfigException(
              "Could not delete '" + o.key() + "': the config has no such key",
              o.origin(),
              Suggestions.forMissingKey(root, path));
        }
        if (o.value() != null && !sameValue(existing, o.value())) {
          throw new ConfigException(
              "Could not delete '"
                  + o.key()
                  + "': its value is "
                  + describe(existing)
                  + ", not "
                  + describe(o.value()),
              o.origin(),
              "use ~" + o.key() + " to delete it whatever its value");
        }
        return ConfigTree.remove(root, path);
      }
      default -> throw new IllegalStateException();
    }
  }

  private static ConfigMap structMerge(
      ConfigMap into, ConfigMap from, ConfigPath at, ValueOverride o) {
    Map<String, ConfigNode> out = new LinkedHashMap<>(into.entries());
    for (Map.Entry<String, ConfigNode> e : from.entries().entrySet()) {
      ConfigNode old = into.get(e.getKey());
      if (old == null) {
        throw new ConfigException(
            "Could not override '"
                + o.key()
                + "': '"
                + at.child(e.getKey())
                + "' is not in the config, and a plain override only changes existing keys",
            o.origin(),
            "to merge new keys in, use ++"
                + o.text()
                + "; to add only new keys, use +"
                + at.child(e.getKey())
                + "=…");
      }
      out.put(
          e.getKey(),
          old instanceof ConfigMap oldMap && e.getValue() instanceof ConfigMap m
              ? structMerge(oldMap, m, at.child(e.getKey()), o)
              : e.getValue());
    }
    return ConfigMap.of(out, into.origin());
  }

  private static void checkParentIsMap(ConfigNode root, ConfigPath path, ValueOverride o) {
    ConfigNode node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      ConfigNode next = ConfigTree.child(node, path.segments().get(i));
      if (next == null) {
        return;
      }
      if (next instanceof ConfigValue v && !v.isNull() && !v.isMissing()) {
        throw new ConfigException(
            "Could not set '"
                + o.key()
                + "': '"
                + String.join(".", path.segments().subList(0, i + 1))
                + "' is the value "
                + describe(next)
                + ", not a mapping",
            o.origin(),
            "set the whole key instead, e.g. "
                + String.join(".", path.segments().subList(0, i + 1))
                + "={…}");
      }
      node = next;
    }
  }

  private static ConfigException unknownKey(ConfigNode root, ConfigPath path, ValueOverride o) {
    return new ConfigException(
        "Could not override '" + o.key() + "': the config has no such key",
        o.origin(),
        Suggestions.forMissingKey(root, path)
            + "; to add a new key, use +"
            + o.text().replaceFirst("^~", ""));
  }

  private static boolean sameValue(ConfigNode a, ConfigNode b) {
    if (a instanceof ConfigValue va && b instanceof ConfigValue vb) {
      return String.valueOf(va.value()).equals(String.valueOf(vb.value()));
    }
    return a.equals(b);
  }

  private static String describe(ConfigNode node) {
    if (node instanceof ConfigMap) {
      return "a mapping";
    }
    if (node instanceof ConfigList) {
      return "a list";
    }
    return "'" + node + "'";
  }
}
