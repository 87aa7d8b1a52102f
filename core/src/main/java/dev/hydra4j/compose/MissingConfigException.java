package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;

/** The primary config is not on the search path. */
public final class MissingConfigException extends ConfigException {

  MissingConfigException(String name, ConfigRepository repository) {
    super(
        "Cannot find primary config '" + name + "'",
        Origin.of(
            "the config search path:\n    "
                + String.join("\n    ", repository.searchPath().describe())),
        hint(name, repository));
  }

  private static String hint(String name, ConfigRepository repository) {
    var available = repository.options("");
    if (available.isEmpty()) {
      return "create conf/"
          + name
          + ".yaml, or point at your configs with --config-path/-cp"
          + " or --config-dir/-cd";
    }
    return Suggestions.didYouMean(name, available)
        + "primary configs found: "
        + String.join(", ", available)
        + " (choose one with --config-name/-cn)";
  }
}
