package dev.hydra4j.compose;

import dev.hydra4j.config.Origin;
import java.util.List;

/**
 * A command-line override that selects, adds or deletes a group option ({@code db=mysql}, {@code
 * +db@backup=sqlite}, {@code ~db}, {@code site=[a,b]}).
 *
 * @param kind what the override does to the defaults list
 * @param group the group path, absolute ({@code server/db})
 * @param packageName the {@code @package} given, or {@code null}
 * @param options the chosen options (empty for a bare delete)
 * @param text the override as typed, for messages
 */
record GroupOverride(
    Kind kind,
    String group,
    String packageName,
    List<String> options,
    boolean multiple,
    String text,
    Origin origin) {

  enum Kind {
    CHANGE,
    ADD,
    FORCE_ADD,
    DELETE
  }

  String key() {
    return Packages.choiceKey(
        group, packageName == null ? group.replace('/', '.') : Packages.absolute(packageName));
  }
}
