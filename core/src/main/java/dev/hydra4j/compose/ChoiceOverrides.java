package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overrides of group choices, keyed by {@code group} or {@code group@package}. The first
 * registration of a key wins: command-line overrides are registered before any config is expanded,
 * and configs are expanded last entry first, so a later {@code override} entry beats an earlier one
 * — Hydra's rule that the last appearance of a group decides its value.
 */
final class ChoiceOverrides {

  /**
   * A registered override.
   *
   * @param options the new options (empty for a deletion)
   * @param deleteOnlyIf for {@code ~group=opt}: delete only when the choice is this option
   * @param source {@code null} for the command line, else the config that declared it
   */
  record Choice(
      List<String> options,
      boolean multiple,
      boolean delete,
      String deleteOnlyIf,
      String source,
      String text,
      Origin origin) {}

  private final Map<String, Choice> choices = new LinkedHashMap<>();
  private final Map<String, Boolean> used = new LinkedHashMap<>();
  // Every group the defaults list asked about, for "did you mean" on an override of none.
  private final java.util.Set<String> asked = new java.util.LinkedHashSet<>();

  void register(String key, Choice choice) {
    if (!choices.containsKey(key)) {
      choices.put(key, choice);
      used.put(key, Boolean.FALSE);
    }
  }

  /** The override for {@code key}, marked as used, or {@code null}. */
  Choice take(String key) {
    asked.add(key);
    Choice choice = choices.get(key);
    if (choice != null) {
      used.put(key, Boolean.TRUE);
    }
    return choice;
  }

  /** Fails on the first override that matched no default. */
  void checkAllUsed() {
    for (Map.Entry<String, Choice> e : choices.entrySet()) {
      if (used.get(e.getKey())) {
        continue;
      }
      Choice choice = e.getValue();
      String key = e.getKey();
      if (choice.source() == null) {
        String verb = choice.delete() ? "delete" : "override";
        throw new ConfigException(
            "Could not " + verb + " '" + key + "': no match in the defaults list",
            choice.origin(),
            Suggestions.didYouMean(key, asked)
                + (choice.delete()
                    ? "nothing selects group '" + key + "', so there is nothing to delete"
                    : "to add it to the defaults list, use +" + choice.text()));
      }
      throw new ConfigException(
          "In '"
              + choice.source()
              + "': could not override '"
              + key
              + "': no match in the defaults list",
          choice.origin(),
          Suggestions.didYouMean(key, asked)
              + (key.contains("@") && !key.endsWith("@")
                  ? "'"
                      + choice.source()
                      + "' is placed at a package, so its override names '"
                      + key
                      + "'; an experiment-style config needs '# @package _global_' as its"
                      + " first line"
                  : "'override' replaces an option chosen elsewhere; to add a default, drop"
                      + " 'override'"));
    }
  }
}
