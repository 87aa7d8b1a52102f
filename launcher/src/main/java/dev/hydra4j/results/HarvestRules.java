package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harvest rules of {@code hydra.results.metrics} seen from outside this package: checked when a
 * sweep is planned (a bad rule is a located error before anything runs), and given to {@code
 * collect}/{@code report} from the current config tree or a file, so that a rule written after a
 * sweep applies to its old jobs too.
 */
public final class HarvestRules {

  private HarvestRules() {}

  /** A rule and where it was given, for "which rule made which column". */
  record Labelled(MetricRule rule, String label) {}

  /** Rules given for this call, besides those recorded with each job. */
  public static final class Given {
    static final Given NONE = new Given(List.of());

    private final List<Labelled> rules;

    private Given(List<Labelled> rules) {
      this.rules = List.copyOf(rules);
    }

    List<Labelled> rules() {
      return rules;
    }

    /** These rules and then {@code more}'s. */
    public Given and(Given more) {
      List<Labelled> all = new ArrayList<>(rules);
      all.addAll(more.rules);
      return new Given(all);
    }
  }

  /**
   * Checks resolved rules; throws a {@link ConfigException} at the bad rule's line.
   *
   * @param node the value of {@code hydra.results.metrics}, resolved
   */
  public static void check(ConfigNode node) {
    MetricRules.parse(node);
  }

  /** No rules beyond the recorded ones. */
  public static Given none() {
    return Given.NONE;
  }

  /** The rules in {@code node} ({@code hydra.results.metrics} of a config), labelled. */
  public static Given of(ConfigNode node, String label) {
    List<Labelled> out = new ArrayList<>();
    for (MetricRule rule : MetricRules.parse(node)) {
      out.add(new Labelled(rule, label));
    }
    return new Given(out);
  }

  /**
   * The rules in a YAML (or HOCON) file: the list under {@code metrics}, or under {@code
   * hydra.results.metrics} as in a primary config.
   */
  public static Given fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "The rules file '" + file + "' does not exist",
          Origin.of("--rules " + file),
          "give a YAML file such as metrics: [{regex: 'score: (?<score>[0-9.]+)'}]");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    ConfigMap root = ConfigFiles.parse(text, file.toString()).root();
    ConfigNode rules = root.get("metrics");
    if (rules == null) {
      rules = ConfigTree.select(root, ConfigPath.parse("hydra.results.metrics"));
    }
    if (rules == null) {
      throw new ConfigException(
          "The rules file '" + file + "' has no rules",
          Origin.of("--rules " + file),
          "put the list of rules under metrics:");
    }
    return of(rules, "--rules " + file);
  }
}
