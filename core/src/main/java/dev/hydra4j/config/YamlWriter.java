package dev.hydra4j.config;

/**
 * Prints a config tree exactly as Hydra's {@code --cfg job} does: OmegaConf's {@code to_yaml}, i.e.
 * PyYAML's block style with OmegaConf's rule that strings Python would read as a bool, int or float
 * are single-quoted ({@code '1'}, {@code 'true'}, {@code '1e3'}), while {@code ???} and
 * interpolations such as {@code ${a.b}} print as they are.
 */
public final class YamlWriter {

  private YamlWriter() {}

  /** The YAML text of {@code node}, keys in their insertion order; ends with a newline. */
  public static String toYaml(ConfigNode node) {
    return toYaml(node, false);
  }

  /** As {@link #toYaml(ConfigNode)}, with mapping keys sorted when {@code sortKeys}. */
  public static String toYaml(ConfigNode node, boolean sortKeys) {
    return new YamlEmitter(sortKeys).document(node);
  }
}
