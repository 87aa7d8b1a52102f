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
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
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
  private static final String BLOCK_START = "  results:\n";

  private final Map<String, List<MetricRule>> byText = new ConcurrentHashMap<>();

  /**
   * The rules of the job in {@code jobDir}; empty when it has no hydra.yaml or sets none.
   *
   * @throws ConfigException when the rules are not valid, pointing at hydra.yaml's line
   */
  List<MetricRule> rules(Path jobDir) {
    Path file = jobDir.resolve(RunFiles.HYDRA_DIR).resolve(RunLayout.HYDRA_CONFIG);
    String text;
    try {
      text = readText(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read " + file + ": " + e.getMessage(),
          Origin.ofFile(file.toString(), 0, 0),
          null);
    }
    String block = resultsBlock(text);
    if (block == null) {
      return parse(file, text);
    }
    if (block.isEmpty() || block.contains("\n    metrics: []\n")) {
      return List.of();
    }
    if (block.contains("${")) {
      return parse(file, text);
    }
    List<MetricRule> cached = byText.get(block);
    if (cached == null) {
      cached = parse(file, text);
      byText.put(block, cached);
    }
    return cached;
  }

  /**
   * {@link Files#readString} of {@code file}, with its exceptions, in fewer objects and system
   * calls: a large sweep's {@code collect} reads 20,000 of these files, and the channel, size query
   * and strict decoder of {@code readString} were a third of its time. Text that is not plain ASCII
   * is read again by {@code readString}, so a file that is not UTF-8 fails as before.
   */
  static String readText(Path file) throws IOException {
    byte[] bytes = new byte[4096];
    int length = 0;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      int n;
      while ((n = in.read(bytes, length, bytes.length - length)) > 0) {
        length += n;
        if (length == bytes.length) {
          bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
      }
    } catch (FileNotFoundException e) {
      return Files.readString(file); // missing, a directory, not readable: its own exception
    }
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        return Files.readString(file);
      }
    }
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
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
    if (!text.startsWith("hydra:\n")) {
      return null;
    }
    int start = text.indexOf("\n" + BLOCK_START);
    if (start < 0) {
      return "";
    }
    start++;
    int end = start + BLOCK_START.length();
    while (end < text.length() && text.startsWith("    ", end)) {
      int nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length() : nl + 1;
    }
    return text.substring(start, end);
  }
}
