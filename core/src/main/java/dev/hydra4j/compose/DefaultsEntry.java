package dev.hydra4j.compose;

import dev.hydra4j.config.Origin;
import java.util.List;

/** One item of a config's {@code defaults:} list, as written. */
sealed interface DefaultsEntry {

  Origin origin();

  /** {@code _self_}: where the containing config's own content is merged. */
  record Self(Origin origin) implements DefaultsEntry {}

  /**
   * An unconditional config such as {@code - base} or {@code - db/mysql@backup}.
   *
   * @param path the config path as written, possibly starting with {@code /}
   * @param packageName the {@code @package} part, or {@code null}
   */
  record Config(String path, String packageName, boolean optional, Origin origin)
      implements DefaultsEntry {}

  /**
   * A group default such as {@code - db: mysql}, {@code - optional db@x: ???}, {@code - override
   * /db: sqlite} or {@code - site: [a, b]}.
   *
   * @param group the group as written, possibly starting with {@code /}
   * @param packageName the {@code @package} part, or {@code null}
   * @param options the chosen options; a single {@code null} element for {@code null}
   * @param multiple whether the options were given as a list
   */
  record Group(
      String group,
      String packageName,
      List<String> options,
      boolean multiple,
      boolean optional,
      boolean override,
      Origin origin)
      implements DefaultsEntry {

    boolean isNull() {
      return !multiple && options.size() == 1 && options.get(0) == null;
    }

    boolean isMissing() {
      return !multiple && options.size() == 1 && "???".equals(options.get(0));
    }

    boolean isInterpolated() {
      return options.stream().anyMatch(o -> o != null && o.contains("${"));
    }
  }
}
