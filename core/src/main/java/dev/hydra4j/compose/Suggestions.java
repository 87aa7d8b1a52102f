package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Did-you-mean hints: the closest names by edit distance, and what exists. */
public final class Suggestions {

  private Suggestions() {}

  /** Up to three candidates within a small edit distance of {@code wanted}, closest first. */
  public static List<String> closest(String wanted, Collection<String> candidates) {
    List<String> close = new ArrayList<>();
    int limit = Math.max(2, wanted.length() / 3);
    for (String candidate : candidates) {
      if (distance(wanted, candidate) <= limit
          || (wanted.length() >= 3 && candidate.contains(wanted))) {
        close.add(candidate);
      }
    }
    close.sort(Comparator.comparingInt(c -> distance(wanted, c)));
    return close.size() > 3 ? close.subList(0, 3) : close;
  }

  /** "did you mean 'x'? " prefix, or empty. */
  public static String didYouMean(String wanted, Collection<String> candidates) {
    List<String> close = closest(wanted, candidates);
    if (close.isEmpty()) {
      return "";
    }
    return "did you mean "
        + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList())
        + "? ";
  }

  /**
   * A hint for a dotted key that is not in the config: the closest keys where the path stops
   * matching, or the keys that exist there.
   */
  public static String forMissingKey(ConfigNode root, ConfigPath path) {
    ConfigPath known = ConfigPath.ROOT;
    ConfigNode node = root;
    for (String segment : path.segments()) {
      ConfigNode next = ConfigTree.child(node, segment);
      if (next == null) {
        break;
      }
      known = known.child(segment);
      node = next;
    }
    List<String> siblings = new ArrayList<>();
    if (node instanceof ConfigMap map) {
      siblings.addAll(map.keys());
    }
    String missing = path.segments().get(known.size());
    String where = known.isRoot() ? "at the top level" : "under '" + known + "'";
    List<String> close = Suggestions.closest(missing, siblings);
    if (!close.isEmpty()) {
      ConfigPath parent = known;
      return "did you mean "
          + String.join(" or ", close.stream().map(c -> "'" + parent.child(c) + "'").toList())
          + "?";
    }
    return siblings.isEmpty()
        ? "'" + known + "' has no keys"
        : "keys " + where + ": " + String.join(", ", siblings);
  }

  static String forMissingOption(ConfigRepository repository, String group, String option) {
    List<String> options = repository.options(group);
    String plugin = PluginOptions.pythonPlugin(group, option);
    if (plugin != null) {
      return "'"
          + option
          + "' is "
          + plugin
          + ", a Python Hydra plugin hydra4j does not"
          + " provide; hydra4j's options for "
          + group
          + ": "
          + String.join(", ", options);
    }
    for (String ext : ConfigRepository.EXTENSIONS) {
      String stem =
          option.endsWith("." + ext)
              ? option.substring(0, option.length() - ext.length() - 1)
              : null;
      if (stem != null && options.contains(stem)) {
        return "options are named without their file extension: " + group + "=" + stem;
      }
    }
    if (options.isEmpty()) {
      return "group '"
          + group
          + "' has no options on the search path: "
          + String.join(", ", repository.searchPath().describe());
    }
    return didYouMean(option, options) + "available options: " + String.join(", ", options);
  }

  static String forMissingConfig(ConfigRepository repository, String path) {
    String dir = Packages.directoryOf(path);
    String name = path.substring(path.lastIndexOf('/') + 1);
    List<String> options = repository.options(dir);
    return didYouMean(name, options)
        + "configs in '"
        + (dir.isEmpty() ? "." : dir)
        + "': "
        + String.join(", ", options);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
