package dev.hydra4j.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and rewriting nodes by path, and OmegaConf's merge: mappings merge key by key, everything
 * else (lists included) is replaced, and a {@code ???} never replaces a value.
 */
public final class ConfigTree {

  private ConfigTree() {}

  /** The node at {@code path}, or {@code null} when any segment is absent. */
  public static ConfigNode select(ConfigNode root, ConfigPath path) {
    ConfigNode node = root;
    for (String segment : path.segments()) {
      node = child(node, segment);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** The child {@code segment} of a map or list, or {@code null}. */
  public static ConfigNode child(ConfigNode node, String segment) {
    if (node instanceof ConfigMap map) {
      return map.get(segment);
    }
    if (node instanceof ConfigList list) {
      int index = listIndex(segment, list.size());
      return index < 0 ? null : list.get(index);
    }
    return null;
  }

  /** A list index from a segment, negative ones counted from the end; -1 if invalid. */
  public static int listIndex(String segment, int size) {
    try {
      int index = Integer.parseInt(segment);
      if (index < 0) {
        index += size;
      }
      return index >= 0 && index < size ? index : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@code root} with the node at {@code path} replaced by {@code value}; missing intermediate maps
   * are created with the given origin.
   */
  public static ConfigNode set(ConfigNode root, ConfigPath path, ConfigNode value) {
    return set(root, path, 0, value);
  }

  private static ConfigNode set(ConfigNode node, ConfigPath path, int depth, ConfigNode value) {
    if (depth == path.size()) {
      return value;
    }
    String segment = path.segments().get(depth);
    if (node instanceof ConfigList list) {
      int index = listIndex(segment, list.size());
      if (index < 0) {
        throw new ConfigException(
            "Index '"
                + segment
                + "' is out of range for the list at '"
                + prefix(path, depth)
                + "' (size "
                + list.size()
                + ")",
            value.origin(),
            null);
      }
      return list.with(index, set(list.get(index), path, depth + 1, value));
    }
    ConfigMap map = node instanceof ConfigMap m ? m : ConfigMap.empty(value.origin());
    ConfigNode existing = map.get(segment);
    return map.with(segment, set(existing, path, depth + 1, value));
  }

  /**
   * {@code root} with each of {@code values} set in turn: what one {@link #set} call per value
   * gives, but each map on the way is copied once, not once per value (a job's runtime values in
   * {@code hydra} were a sixth of composing it).
   */
  public static ConfigNode setAll(ConfigNode root, List<Map.Entry<ConfigPath, ConfigNode>> values) {
    return setAll(root, values, 0);
  }

  private static ConfigNode setAll(
      ConfigNode node, List<Map.Entry<ConfigPath, ConfigNode>> values, int depth) {
    // A value for this node itself replaces it; the values after it apply to the replacement.
    ConfigNode current = node;
    int from = 0;
    for (int i = 0; i <= values.size(); i++) {
      boolean replaces = i < values.size() && values.get(i).getKey().size() == depth;
      if (i == values.size() || replaces) {
        if (i > from) {
          current = setBelow(current, values.subList(from, i), depth);
        }
        if (replaces) {
          current = values.get(i).getValue();
          from = i + 1;
        }
      }
    }
    return current;
  }

  /** Every path of {@code values} goes below {@code node}. */
  private static ConfigNode setBelow(
      ConfigNode node, List<Map.Entry<ConfigPath, ConfigNode>> values, int depth) {
    if (values.size() == 1 || node instanceof ConfigList) {
      ConfigNode out = node;
      for (Map.Entry<ConfigPath, ConfigNode> v : values) {
        out = set(out, v.getKey(), depth, v.getValue());
      }
      return out;
    }
    ConfigMap map =
        node instanceof ConfigMap m ? m : ConfigMap.empty(values.get(0).getValue().origin());
    Map<String, List<Map.Entry<ConfigPath, ConfigNode>>> bySegment = new LinkedHashMap<>();
    for (Map.Entry<ConfigPath, ConfigNode> v : values) {
      bySegment.computeIfAbsent(v.getKey().segments().get(depth), k -> new ArrayList<>()).add(v);
    }
    Map<String, ConfigNode> changes = new LinkedHashMap<>();
    for (Map.Entry<String, List<Map.Entry<ConfigPath, ConfigNode>>> e : bySegment.entrySet()) {
      changes.put(e.getKey(), setAll(map.get(e.getKey()), e.getValue(), depth + 1));
    }
    return map.withAll(changes);
  }

  /** {@code root} without the node at {@code path}; unchanged when it is absent. */
  public static ConfigNode remove(ConfigNode root, ConfigPath path) {
    if (path.isRoot()) {
      return root;
    }
    ConfigNode parent = select(root, path.parent());
    if (parent instanceof ConfigMap map) {
      return set(root, path.parent(), map.without(path.last()));
    }
    if (parent instanceof ConfigList list) {
      int index = listIndex(path.last(), list.size());
      return index < 0 ? root : set(root, path.parent(), list.without(index));
    }
    return root;
  }

  /** OmegaConf's merge of {@code source} into {@code target}. */
  public static ConfigNode merge(ConfigNode target, ConfigNode source) {
    if (target instanceof ConfigMap into && source instanceof ConfigMap from) {
      return mergeMaps(into, from);
    }
    if (source.isMissing() && target != null && !(target instanceof ConfigValue v && v.isNull())) {
      return target;
    }
    return source;
  }

  private static ConfigMap mergeMaps(ConfigMap into, ConfigMap from) {
    if (from.isEmpty()) {
      return into;
    }
    ConfigMap.Builder out = ConfigMap.builder(into.origin());
    for (Map.Entry<String, ConfigNode> e : into.entries().entrySet()) {
      ConfigNode incoming = from.get(e.getKey());
      out.put(e.getKey(), incoming == null ? e.getValue() : merge(e.getValue(), incoming));
    }
    for (Map.Entry<String, ConfigNode> e : from.entries().entrySet()) {
      if (!into.has(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out.build();
  }

  private static String prefix(ConfigPath path, int depth) {
    return String.join(".", path.segments().subList(0, depth));
  }
}
