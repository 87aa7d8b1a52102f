package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code defaults:} node of one config into {@link DefaultsEntry} values. */
final class DefaultsParser {

  private DefaultsParser() {}

  static List<DefaultsEntry> parse(ConfigNode node, String configPath, VersionBase versionBase) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof ConfigList list)) {
      String got = node instanceof ConfigMap ? "mapping" : "a single value";
      throw new ConfigException(
          "Invalid defaults list in '"
              + configPath
              + "': defaults must be a list (got "
              + got
              + ")",
          node.origin(),
          "write each entry as a list item, e.g. 'defaults:\\n  - db: mysql'");
    }
    List<DefaultsEntry> entries = new ArrayList<>();
    boolean seenSelf = false;
    DefaultsEntry.Group firstOverride = null;
    for (ConfigNode item : list.items()) {
      DefaultsEntry entry = parseItem(item, configPath, versionBase);
      if (entry instanceof DefaultsEntry.Group g && g.override()) {
        firstOverride = firstOverride == null ? g : firstOverride;
      } else if (firstOverride != null && !(entry instanceof DefaultsEntry.Self)) {
        // Hydra 1.1+: overrides go last, so that reading a list top-down shows what it
        // chooses before what it changes elsewhere.
        throw new ConfigException(
            "In '"
                + configPath
                + "': 'override "
                + firstOverride.group()
                + "' comes before"
                + " another default; overrides must be at the end of the defaults list",
            firstOverride.origin(),
            "move the override entries after the other defaults");
      }
      if (entry instanceof DefaultsEntry.Self) {
        if (seenSelf) {
          throw new ConfigException(
              "Duplicate _self_ in the defaults list of '" + configPath + "'",
              item.origin(),
              "keep a single _self_ entry");
        }
        seenSelf = true;
      }
      entries.add(entry);
    }
    return entries;
  }

  private static DefaultsEntry parseItem(
      ConfigNode item, String configPath, VersionBase versionBase) {
    if (item instanceof ConfigValue value && value.value() instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.equals("_self_")) {
        return new DefaultsEntry.Self(item.origin());
      }
      boolean optional = false;
      if (trimmed.startsWith("optional ")) {
        optional = true;
        trimmed = trimmed.substring("optional ".length()).trim();
      }
      String[] pathAndPackage = splitPackage(trimmed);
      return new DefaultsEntry.Config(
          pathAndPackage[0], pathAndPackage[1], optional, item.origin());
    }
    if (item instanceof ConfigMap map && map.size() == 1) {
      Map.Entry<String, ConfigNode> only = map.entries().entrySet().iterator().next();
      return parseGroup(only.getKey(), only.getValue(), item.origin(), configPath);
    }
    if (versionBase.legacy()
        && item instanceof ConfigMap map
        && map.size() == 2
        && map.get("optional") instanceof ConfigValue flag
        && flag.value() instanceof Boolean b) {
      // Hydra 1.1's '- db: mysql' + 'optional: true' in one item.
      Map.Entry<String, ConfigNode> group =
          map.without("optional").entries().entrySet().iterator().next();
      DefaultsEntry.Group g =
          parseGroup(group.getKey(), group.getValue(), item.origin(), configPath);
      return new DefaultsEntry.Group(
          g.group(),
          g.packageName(),
          g.options(),
          g.multiple(),
          g.optional() || b,
          g.override(),
          g.origin());
    }
    throw new ConfigException(
        "Unsupported item in the defaults list of '" + configPath + "'",
        item.origin(),
        "use '_self_', 'group: option', 'group@package: option' or 'path/to/config'");
  }

  private static DefaultsEntry.Group parseGroup(
      String key, ConfigNode value, Origin origin, String configPath) {
    boolean optional = false;
    boolean override = false;
    String rest = key.trim();
    while (true) {
      if (rest.startsWith("optional ")) {
        optional = true;
        rest = rest.substring("optional ".length()).trim();
      } else if (rest.startsWith("override ")) {
        override = true;
        rest = rest.substring("override ".length()).trim();
      } else {
        break;
      }
    }
    if (rest.isEmpty() || rest.contains(" ")) {
      throw new ConfigException(
          "Invalid group key '" + key + "' in the defaults list of '" + configPath + "'",
          value.origin(),
          "the key is '[optional|override] group[@package]'");
    }
    String[] groupAndPackage = splitPackage(rest);
    List<String> options = new ArrayList<>();
    boolean multiple = false;
    if (value instanceof ConfigList list) {
      multiple = true;
      for (ConfigNode option : list.items()) {
        options.add(optionText(option, configPath));
      }
    } else {
      options.add(optionText(value, configPath));
    }
    return new DefaultsEntry.Group(
        groupAndPackage[0],
        groupAndPackage[1],
        options,
        multiple,
        optional,
        override,
        value.origin() == null ? origin : value.origin());
  }

  private static String optionText(ConfigNode option, String configPath) {
    if (option instanceof ConfigValue v) {
      if (v.value() == null) {
        return null;
      }
      return v.value() instanceof String s ? s.trim() : String.valueOf(v.value());
    }
    throw new ConfigException(
        "A group option in the defaults list of '" + configPath + "' must be a name",
        option.origin(),
        "write 'group: option', 'group: [a, b]' or 'group: null'");
  }

  /** {@code path@pkg} into {@code [path, pkg]}; pkg is {@code null} when absent. */
  private static String[] splitPackage(String text) {
    int at = text.indexOf('@');
    if (at < 0) {
      return new String[] {text, null};
    }
    return new String[] {text.substring(0, at), text.substring(at + 1)};
  }
}
