package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;

/**
 * Which Hydra version's composition rules a config tree is written for, as
 * {@code @hydra.main(version_base=…)} selects them. Below 1.2 the legacy rules apply: {@code
 * # @package _group_} and {@code _name_} in packages, {@code optional: true} in a defaults entry,
 * and {@code hydra/…} entries of a primary defaults list that override without the {@code override}
 * keyword.
 */
public record VersionBase(int major, int minor) {

  /** hydra4j's default: the rules of Hydra 1.3, what {@code version_base="1.3"} asks for. */
  public static final VersionBase DEFAULT = new VersionBase(1, 3);

  /** {@code 1.1}, {@code 1.2}, {@code 1.3}; {@code None} or {@code null} mean the newest. */
  public static VersionBase parse(String text) {
    if (text == null || text.isBlank() || text.equals("None") || text.equals("null")) {
      return DEFAULT;
    }
    String[] parts = text.trim().split("\\.");
    try {
      VersionBase v =
          new VersionBase(
              Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
      if (v.major == 1 && v.minor >= 1 && v.minor <= 3) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted values
    }
    throw new ConfigException(
        "Unknown version base '" + text + "'",
        Origin.of("version base " + text),
        "use 1.1, 1.2 or 1.3 (the default)");
  }

  /** Whether the pre-1.2 (Hydra 1.1) rules apply. */
  public boolean legacy() {
    return major == 1 && minor < 2;
  }

  @java.lang.Override
  public String toString() {
    return major + "." + minor;
  }
}
