package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.interpolate.Interpolator;
import java.util.List;

/**
 * A composed config, unresolved (interpolations are still text), with the {@code hydra} node filled
 * in, and how it was made.
 *
 * @param config the whole config, {@code hydra} node included
 * @param defaults the configs merged, in order, and the chosen group options
 * @param taskOverrides the overrides that changed the job's config, as typed
 * @param hydraOverrides the overrides of {@code hydra.*} keys and {@code hydra/…} groups
 * @param interpolator resolves this composition's interpolations (shared by a sweep, so every
 *     {@code ${now:…}} of a run reads one instant)
 */
public record Composition(
    ConfigMap config,
    DefaultsList defaults,
    List<String> taskOverrides,
    List<String> hydraOverrides,
    Interpolator interpolator) {

  public Composition {
    taskOverrides = List.copyOf(taskOverrides);
    hydraOverrides = List.copyOf(hydraOverrides);
  }

  /** The job's config: everything but the {@code hydra} node ({@code --cfg job}). */
  public ConfigMap jobConfig() {
    return config.without("hydra");
  }

  /**
   * Fails when a {@code ???} group choice is still open: a sweep's base may leave one for its jobs
   * to fill, each job must have it filled.
   */
  public void requireAllChosen() {
    for (DefaultsList.Unchosen u : defaults.unchosen()) {
      throw new dev.hydra4j.config.ConfigException(
          "You must choose an option for group '" + u.key() + "'",
          u.origin(),
          "add "
              + u.key()
              + "=<option> to the command line (a sweep such as "
              + u.key()
              + "=a,b works too)");
    }
  }

  /** The {@code hydra} node ({@code --cfg hydra}). */
  public ConfigMap hydraConfig() {
    ConfigNode hydra = config.get("hydra");
    return hydra instanceof ConfigMap map ? map : ConfigMap.empty(config.origin());
  }

  /** The whole config with every interpolation resolved. */
  public ConfigMap resolved() {
    return interpolator.resolveAll(config);
  }

  /**
   * The job's config, resolved as a task sees it: without the {@code hydra} node, so {@code
   * ${hydra:job.name}} works and {@code ${hydra.job.name}} does not, as in Hydra.
   */
  public ConfigMap resolvedJobConfig() {
    return interpolator.resolveAll(jobConfig());
  }

  /**
   * This composition with {@code hydra.*} values set by the launcher (job number, the sweep
   * directory actually created, the output directory), resolved by later reads.
   */
  public Composition withHydraValues(java.util.Map<String, Object> values) {
    java.util.List<
            java.util.Map.Entry<dev.hydra4j.config.ConfigPath, dev.hydra4j.config.ConfigNode>>
        paths = new java.util.ArrayList<>(values.size());
    for (java.util.Map.Entry<String, Object> e : values.entrySet()) {
      paths.add(
          new java.util.AbstractMap.SimpleImmutableEntry<>(
              dev.hydra4j.config.ConfigPath.parse(e.getKey()),
              new dev.hydra4j.config.ConfigValue(e.getValue(), HydraNode.RUNTIME)));
    }
    ConfigMap updated = (ConfigMap) dev.hydra4j.config.ConfigTree.setAll(config, paths);
    Interpolator updatedInterpolator =
        new Interpolator(interpolator.resolvers(), interpolator.context().withHydraConfig(updated));
    return new Composition(updated, defaults, taskOverrides, hydraOverrides, updatedInterpolator);
  }

  /** A string (such as a command word) with its interpolations resolved against the job. */
  public String resolveWord(String word, dev.hydra4j.config.Origin origin) {
    return interpolator.resolveString(word, jobConfig(), origin);
  }
}
