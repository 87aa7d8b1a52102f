package dev.hydra4j.config;

/**
 * One node of a composed config: a mapping, a list, or a scalar value. Nodes are immutable; every
 * change returns a new node and shares the untouched parts.
 */
public sealed interface ConfigNode permits ConfigMap, ConfigList, ConfigValue {

  /** Where this node was defined. */
  Origin origin();

  /** The same node with another origin (children keep theirs). */
  ConfigNode withOrigin(Origin origin);

  /** OmegaConf's {@code ???}: a value that must be set before it is read. */
  default boolean isMissing() {
    return false;
  }

  /** A value whose text contains {@code ${…}} and is resolved on read. */
  default boolean isInterpolation() {
    return false;
  }
}
