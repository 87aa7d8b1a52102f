package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.interpolate.Template.NodeRef;
import dev.hydra4j.interpolate.Template.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the node a {@code ${key}} points at. It walks the unresolved tree so that relative
 * references keep their meaning, and steps through interpolations on the way: in {@code
 * ${player.height}} with {@code player: ${john}}, the walk continues at {@code john}.
 */
final class KeyLookup {

  /**
   * A node and its key in the config; the key is {@code null} for a node that a resolver made,
   * which is resolved already.
   */
  record Located(ConfigPath path, ConfigNode node) {}

  private final Resolution resolution;

  KeyLookup(Resolution resolution) {
    this.resolution = resolution;
  }

  /** The resolved node {@code ref} points at; a {@code ???} there is an error. */
  ConfigNode referenced(NodeRef ref, Scope scope) {
    Located at = locate(ref, scope, false);
    ConfigNode node = resolved(at);
    if (node.isMissing()) {
      String key = at.path() != null ? at.path().toString() : written(ref);
      throw Failures.missing(scope, key, node.origin());
    }
    return node;
  }

  ConfigNode resolved(Located at) {
    return at.path() == null ? at.node() : resolution.resolveNode(at.path(), at.node());
  }

  /**
   * Where {@code ref} points, unresolved. When {@code lenient}, an absent key gives {@code null}
   * instead of an error (errors met while following interpolations still throw).
   */
  Located locate(NodeRef ref, Scope scope, boolean lenient) {
    List<String> keys = new ArrayList<>(ref.segments().size());
    for (Segment segment : ref.segments()) {
      keys.add(resolution.segmentText(segment, scope));
    }
    ConfigPath base = ConfigPath.ROOT;
    if (ref.dots() > 0) {
      base = scope.container();
      for (int up = 1; up < ref.dots(); up++) {
        if (base.isRoot()) {
          if (lenient) {
            return null;
          }
          throw Failures.keyNotFound(
              scope,
              written(ref.dots(), keys),
              "it climbs above the root of the config: use fewer leading dots");
        }
        base = base.parent();
      }
    }
    Located at = new Located(base, ConfigTree.select(resolution.root(), base));
    for (int i = 0; i < keys.size(); i++) {
      at = follow(at);
      ConfigNode container = at.node();
      String key = keys.get(i);
      ConfigNode child = null;
      if (container instanceof ConfigMap map) {
        child = map.get(key);
      } else if (container instanceof ConfigList list) {
        int index = ConfigTree.listIndex(key, list.size());
        if (index >= 0) {
          child = list.get(index);
          key = Integer.toString(index);
        }
      }
      if (child == null) {
        if (lenient) {
          return null;
        }
        if (container.isMissing()) {
          throw Failures.missing(
              scope, written(ref.dots(), keys.subList(0, i)), container.origin());
        }
        throw Failures.keyNotFound(
            scope, written(ref.dots(), keys), hint(ref.dots(), keys, i, container, scope));
      }
      at = new Located(at.path() == null ? null : at.path().child(key), child);
    }
    return at;
  }

  /** Steps through an interpolation so that a key can be looked up in what it refers to. */
  private Located follow(Located at) {
    if (at.path() == null
        || !(at.node() instanceof ConfigValue value)
        || !value.isInterpolation()) {
      return at;
    }
    ConfigNode known = resolution.resolvedAt(at.path());
    if (known != null) {
      return new Located(null, known);
    }
    Scope scope = new Scope(at.path(), value.origin(), (String) value.value());
    Template template = resolution.template(scope);
    if (template.isSingleInterpolation() && template.pieces().get(0) instanceof NodeRef ref) {
      resolution.enter(at.path(), value);
      try {
        return follow(locate(ref, scope, false));
      } finally {
        resolution.leave(at.path());
      }
    }
    return new Located(null, resolution.resolveNode(at.path(), value));
  }

  private String hint(
      int dots, List<String> keys, int failedAt, ConfigNode container, Scope scope) {
    String key = keys.get(failedAt);
    String prefix = written(dots, keys.subList(0, failedAt));
    String before = prefix.isEmpty() || prefix.endsWith(".") ? prefix : prefix + ".";
    if (container instanceof ConfigMap map) {
      List<String> near = Spelling.closest(key, map.keys());
      if (!near.isEmpty()) {
        List<String> rest = keys.subList(failedAt + 1, keys.size());
        return "did you mean '"
            + before
            + near.get(0)
            + (rest.isEmpty() ? "" : "." + String.join(".", rest))
            + "'?";
      }
      if (failedAt == 0
          && dots == 0
          && scope.key() != null
          && ConfigTree.select(resolution.root(), scope.container()) instanceof ConfigMap here
          && here.has(key)) {
        return "a key without leading dots is looked up from the root; for the sibling write '${."
            + String.join(".", keys)
            + "}'";
      }
      if (failedAt == 0 && dots > 0 && resolution.root().has(key)) {
        return "'" + key + "' exists at the root: write '${" + String.join(".", keys) + "}'";
      }
      if (map.isEmpty()) {
        return (prefix.isEmpty() ? "the config" : "'" + prefix + "'") + " is empty";
      }
      List<String> some = new ArrayList<>(map.keys());
      String listed = String.join(", ", some.subList(0, Math.min(10, some.size())));
      return "keys "
          + (prefix.isEmpty() ? "at the root" : "under '" + prefix + "'")
          + ": "
          + listed
          + (some.size() > 10 ? ", ..." : "");
    }
    if (container instanceof ConfigList list) {
      return "'"
          + prefix
          + "' is a list of "
          + list.size()
          + " items; index it with 0.."
          + (list.size() - 1);
    }
    return "'" + prefix + "' is " + PythonText.describe(container) + ", not a mapping or list";
  }

  private static String written(NodeRef ref) {
    String text = ref.source();
    return text.startsWith("${") ? text.substring(2, text.length() - 1).strip() : text;
  }

  private static String written(int dots, List<String> keys) {
    return ".".repeat(dots) + String.join(".", keys);
  }
}
