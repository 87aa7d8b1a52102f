package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code hydra} node that config files build against the node hydra4j ships, as Hydra
 * checks it against its schema: {@code hydra: {job: {chdirr: true}}} in a config is an error naming
 * the key, the file and line, and the closest valid keys (golden rw-hydra-node-typo). Subtrees
 * whose keys are free or checked elsewhere are left open.
 */
final class HydraSchema {

  /** Free-form (logging dictConfig, env vars, sweep params) or checked by their plugin. */
  private static final Set<String> OPEN =
      Set.of(
          "hydra.launcher",
          "hydra.sweeper",
          "hydra.job_logging",
          "hydra.hydra_logging",
          "hydra.callbacks",
          "hydra.job.env_set",
          "hydra.runtime",
          "hydra.overrides",
          "hydra.help",
          "hydra.hydra_help",
          "hydra.env",
          "hydra.results");

  private HydraSchema() {}

  /** Merges the built-in part of {@code defaults}: the node every valid key is in. */
  static ConfigMap shipped(DefaultsList defaults) {
    List<ResolvedDefault> builtIn = new ArrayList<>();
    for (ResolvedDefault d : defaults.entries()) {
      String file = d.content().origin() == null ? null : d.content().origin().file();
      if (file != null && file.startsWith("builtin://")) {
        builtIn.add(d);
      }
    }
    return Composer.merge(builtIn);
  }

  static void check(ConfigMap composed, ConfigMap shipped) {
    if (composed.get("hydra") instanceof ConfigMap hydra
        && shipped.get("hydra") instanceof ConfigMap schema) {
      check(hydra, schema, "hydra");
    }
  }

  private static void check(ConfigMap node, ConfigMap schema, String path) {
    if (OPEN.contains(path)) {
      return;
    }
    for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
      ConfigNode valid = schema.get(e.getKey());
      if (valid == null && !OPEN.contains(path + "." + e.getKey())) {
        List<String> close = Suggestions.closest(e.getKey(), schema.keys());
        throw new ConfigException(
            "Unknown key '"
                + e.getKey()
                + "' in "
                + path
                + " (Hydra's schema has no "
                + path
                + "."
                + e.getKey()
                + ")",
            e.getValue().origin(),
            (close.isEmpty() ? "" : "did you mean '" + String.join("' or '", close) + "'? ")
                + "valid keys: "
                + String.join(", ", schema.keys()));
      }
      if (e.getValue() instanceof ConfigMap child && valid instanceof ConfigMap childSchema) {
        check(child, childSchema, path + "." + e.getKey());
      }
    }
  }
}
