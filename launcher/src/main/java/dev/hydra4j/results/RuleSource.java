package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.InterpolationContext;
import dev.hydra4j.interpolate.Interpolator;
import dev.hydra4j.interpolate.Resolvers;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The harvest rules of one job: {@code hydra.results.metrics} in the job's own {@code
 * .hydra/hydra.yaml}, so a sweep that changed the rules per job, or a later sweep with other rules,
 * is read as each job was configured.
 *
 * <p>That file is written with interpolations unresolved. Rules that contain {@code ${…}} are
 * resolved here against the job's hydra node and its resolved job config ({@code
 * .hydra/config.yaml}), with the built-in resolvers; {@code ${now:…}} therefore reads the time of
 * collection, not of the run. Rules without interpolations — the usual case — are parsed once per
 * distinct text and shared, which keeps indexing 10,000 jobs cheap.
 */
final class RuleSource {

  private static final ConfigPath RULES = ConfigPath.parse("hydra.results.metrics");

  private final Map<String, List<MetricRule>> byText = new ConcurrentHashMap<>();

  /**
   * The rules of the job in {@code jobDir}; empty when it has no hydra.yaml or sets none.
   *
   * @throws ConfigException when the rules are not valid, pointing at hydra.yaml's line
   */
  List<MetricRule> rules(Path jobDir) {
    Path file = jobDir.resolve(RunFiles.HYDRA_DIR).resolve(RunLayout.HYDRA_CONFIG);
    HydraYamlText text;
    try {
      text = HydraYamlText.read(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read " + file + ": " + e.getMessage(),
          Origin.ofFile(file.toString(), 0, 0),
          null);
    }
    String block = text.resultsBlock();
    if (block == null) {
      return parse(file, text.toString());
    }
    if (block.isEmpty() || block.contains("\n    metrics: []\n")) {
      return List.of();
    }
    if (block.contains("${")) {
      return parse(file, text.toString());
    }
    List<MetricRule> cached = byText.get(block);
    if (cached == null) {
      cached = parse(file, text.toString());
      byText.put(block, cached);
    }
    return cached;
  }

  private static List<MetricRule> parse(Path file, String text) {
    ConfigMap root = ConfigFiles.parse(text, file.toString()).root();
    ConfigNode rules = select(root);
    if (rules == null) {
      return List.of();
    }
    if (containsInterpolation(rules)) {
      ConfigMap scope = root;
      Path config = file.resolveSibling(RunLayout.CONFIG);
      if (Files.isRegularFile(config)) {
        scope = ConfigFiles.read(config, config.toString()).root().with("hydra", root.get("hydra"));
      }
      Interpolator interpolator =
          new Interpolator(
              Resolvers.builtIn(), InterpolationContext.system().withHydraConfig(scope));
      rules = interpolator.resolve(scope, RULES);
    }
    return MetricRules.parse(rules);
  }

  private static ConfigNode select(ConfigMap root) {
    return ConfigTree.select(root, RULES);
  }

  private static boolean containsInterpolation(ConfigNode node) {
    if (node instanceof ConfigMap m) {
      return m.entries().values().stream().anyMatch(RuleSource::containsInterpolation);
    }
    if (node instanceof dev.hydra4j.config.ConfigList l) {
      return l.items().stream().anyMatch(RuleSource::containsInterpolation);
    }
    return node.isInterpolation();
  }

  /**
   * The text of the {@code results:} block under {@code hydra:} as hydra4j's YAML writer lays it
   * out (two-space indents); empty when the file has no such block; {@code null} when the file is
   * not laid out that way and must be parsed.
   */
  static String resultsBlock(String text) {
    return HydraYamlText.of(text).resultsBlock();
  }
}
