package dev.hydra4j.cli;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.results.HarvestRules;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the config tree of the current directory ({@code conf/config.yaml}, no overrides) says about
 * results: its harvest rules, applied to old runs too, and where runs live — the fixed part of
 * {@code hydra.run.dir} and {@code hydra.sweep.dir} plus the directories in {@code
 * hydra.results.roots}. Without a tree, or when it does not compose, there is nothing to add (and a
 * broken tree is named on standard error, once).
 */
final class CurrentTree {

  static final String CONFIG_DIR = "conf";
  static final String CONFIG_NAME = "config";

  private final Path project;
  private final PrintStream notices;
  private Composition composition;
  private boolean tried;

  CurrentTree(Path project, PrintStream notices) {
    this.project = project;
    this.notices = notices;
  }

  /** The tree's {@code hydra.results.metrics}, labelled with its file. */
  HarvestRules.Given rules() {
    ConfigNode node = node("hydra.results.metrics");
    if (node == null) {
      return HarvestRules.none();
    }
    try {
      return HarvestRules.of(node, CONFIG_DIR + "/" + CONFIG_NAME + ".yaml");
    } catch (ConfigException e) {
      notices.println(
          "hydra4j: the rules of "
              + CONFIG_DIR
              + "/"
              + CONFIG_NAME
              + ".yaml are not used: "
              + e.render());
      return HarvestRules.none();
    }
  }

  /**
   * The directories runs are searched in: outputs/ and multirun/ (or wherever {@code
   * hydra.run.dir}/{@code hydra.sweep.dir} put them, up to their first interpolation) and {@code
   * hydra.results.roots}.
   */
  List<Path> roots() {
    List<Path> roots = new ArrayList<>();
    for (String key : List.of("hydra.run.dir", "hydra.sweep.dir")) {
      Path fixed = fixedPart(raw(key));
      roots.add(
          fixed != null ? fixed : project.resolve(key.contains("sweep") ? "multirun" : "outputs"));
    }
    if (node("hydra.results.roots") instanceof ConfigList list) {
      for (ConfigNode item : list.items()) {
        if (item instanceof ConfigValue v && v.value() != null) {
          roots.add(project.resolve(String.valueOf(v.value())));
        }
      }
    }
    return roots.stream().distinct().toList();
  }

  /** {@code multirun/${now:…}/…} → {@code multirun}; {@code null} when nothing is fixed. */
  private Path fixedPart(String pattern) {
    if (pattern == null) {
      return null;
    }
    int at = pattern.indexOf("${");
    String fixed = at < 0 ? pattern : pattern.substring(0, at);
    if (at >= 0) {
      int slash = fixed.lastIndexOf('/');
      fixed = slash < 0 ? "" : fixed.substring(0, slash);
    }
    return fixed.isBlank() ? null : project.resolve(fixed);
  }

  private String raw(String key) {
    Composition c = composition();
    if (c == null) {
      return null;
    }
    ConfigNode node = ConfigTree.select(c.config(), ConfigPath.parse(key));
    return node instanceof ConfigValue v && v.value() != null ? String.valueOf(v.value()) : null;
  }

  private ConfigNode node(String key) {
    Composition c = composition();
    if (c == null) {
      return null;
    }
    ConfigPath at = ConfigPath.parse(key);
    try {
      return ConfigTree.select(c.config(), at) == null
          ? null
          : c.interpolator().resolve(c.config(), at);
    } catch (ConfigException e) {
      notices.println(
          "hydra4j: "
              + key
              + " of "
              + CONFIG_DIR
              + "/"
              + CONFIG_NAME
              + ".yaml is not used: "
              + e.render());
      return null;
    }
  }

  private Composition composition() {
    if (tried) {
      return composition;
    }
    tried = true;
    Path dir = project.resolve(CONFIG_DIR);
    if (!Files.isRegularFile(dir.resolve(CONFIG_NAME + ".yaml"))) {
      return null;
    }
    try {
      composition = Composer.forDirectory(dir).compose(CONFIG_NAME, List.of());
    } catch (ConfigException e) {
      // One line: a tree that needs a choice on the command line is common and not wrong.
      notices.println(
          "hydra4j: "
              + CONFIG_DIR
              + "/"
              + CONFIG_NAME
              + ".yaml does not compose"
              + " without overrides ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); its"
              + " harvest rules and run directories are not used");
    }
    return composition;
  }
}
