package dev.hydra4j.cli;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.DefaultsList;
import dev.hydra4j.compose.ResolvedDefault;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.YamlWriter;
import dev.hydra4j.override.ParsedOverride;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code --cfg}, {@code --info} and {@code --explain}: views of one composition. */
final class ConfigPrinter {

  private final Composer composer;
  private final String configName;
  private final PrintStream out;

  ConfigPrinter(Composer composer, String configName, PrintStream out) {
    this.composer = composer;
    this.configName = configName;
    this.out = out;
  }

  void cfg(String kind, String packageName, boolean resolve, List<ParsedOverride> overrides) {
    if (!List.of("job", "hydra", "all").contains(kind)) {
      throw new ConfigException(
          "Unknown --cfg kind '" + kind + "'",
          Origin.of("--cfg " + kind),
          "use --cfg job, --cfg hydra or --cfg all");
    }
    Composition composition = composer.compose(configName, overrides);
    ConfigMap config =
        !resolve
            ? composition.config()
            : kind.equals("job") ? composition.resolvedJobConfig() : composition.resolved();
    ConfigNode shown =
        switch (kind) {
          case "job" -> config.without("hydra");
          case "hydra" -> ConfigMap.empty(config.origin()).with("hydra", config.get("hydra"));
          default -> config;
        };
    if (packageName != null && !packageName.isEmpty() && !packageName.equals("_global_")) {
      ConfigNode selected = ConfigTree.select(shown, ConfigPath.parse(packageName));
      if (selected == null) {
        throw new ConfigException(
            "Package '" + packageName + "' is not in the config",
            Origin.of("--package " + packageName),
            shown instanceof ConfigMap m ? "top-level keys: " + String.join(", ", m.keys()) : null);
      }
      if (selected instanceof ConfigMap || selected instanceof ConfigList) {
        out.println("# @package " + packageName);
      }
      shown = selected;
    }
    // A lone scalar (-p training.lr) prints as its value, without YAML's '...' end marker.
    // Hydra writes the YAML as it is (no blank line after it) and prints a scalar's value.
    out.print(
        shown instanceof ConfigMap || shown instanceof ConfigList
            ? YamlWriter.toYaml(shown)
            : inline(shown) + "\n");
  }

  void info(String kind, List<ParsedOverride> overrides) {
    boolean all = kind.equals("all");
    if (all || kind.equals("searchpath")) {
      section("Config search path");
      for (String line : composer.repository().searchPath().describe()) {
        out.println("  " + line);
      }
    }
    if (all || kind.equals("defaults")) {
      section("Defaults list (merge order)");
      printDefaults(composer.defaultsList(configName, overrides));
    }
    if (all || kind.equals("defaults-tree")) {
      section("Defaults tree");
      printTree(composer.defaultsList(configName, overrides));
    }
    if (all || kind.equals("config")) {
      section("Config, with where each value came from");
      Composition composition = composer.compose(configName, overrides);
      printOrigins("", composition.jobConfig());
      section("Chosen options");
      composition.defaults().choices().forEach((k, v) -> out.println("  " + k + ": " + v));
    }
  }

  void explain(String key, List<ParsedOverride> overrides) {
    Composition composition = composer.compose(configName, overrides);
    ConfigNode node = ConfigTree.select(composition.config(), ConfigPath.parse(key));
    if (node == null) {
      throw new ConfigException(
          "'" + key + "' is not in the composed config",
          Origin.of("--explain " + key),
          dev.hydra4j.compose.Suggestions.forMissingKey(
              composition.config(), ConfigPath.parse(key)));
    }
    out.println(key + " = " + inline(node));
    out.println("  set by " + node.origin());
    ConfigMap resolvedConfig =
        key.equals("hydra") || key.startsWith("hydra.")
            ? composition.resolved()
            : composition.resolvedJobConfig();
    ConfigNode resolved = ConfigTree.select(resolvedConfig, ConfigPath.parse(key));
    if (resolved != null && !resolved.equals(node)) {
      out.println("  resolves to " + inline(resolved));
    }
    for (ResolvedDefault d : composition.defaults().entries()) {
      ConfigNode inFile = ConfigTree.select(d.content(), relativeTo(key, d.packageName()));
      if (inFile != null) {
        out.println("  defined in " + inFile.origin() + " (" + d.configPath() + ")");
      }
    }
  }

  /** A node as YAML on one line, without the document-end marker of a lone scalar. */
  static String inline(ConfigNode node) {
    String yaml = YamlWriter.toYaml(node).strip();
    if (yaml.endsWith("\n...")) {
      yaml = yaml.substring(0, yaml.length() - 4).strip();
    }
    return yaml.replace("\n", " ");
  }

  private static ConfigPath relativeTo(String key, String pkg) {
    if (pkg.isEmpty()) {
      return ConfigPath.parse(key);
    }
    if (key.equals(pkg)) {
      return ConfigPath.ROOT;
    }
    if (key.startsWith(pkg + ".")) {
      return ConfigPath.parse(key.substring(pkg.length() + 1));
    }
    return ConfigPath.parse("\u0000unrelated");
  }

  private void section(String title) {
    out.println(title);
    out.println("-".repeat(title.length()));
  }

  private void printDefaults(DefaultsList defaults) {
    int pathWidth = "config path".length();
    int pkgWidth = "package".length();
    for (ResolvedDefault d : defaults.entries()) {
      pathWidth = Math.max(pathWidth, d.configPath().length());
      pkgWidth = Math.max(pkgWidth, d.packageName().length());
    }
    String format = "  %-" + pathWidth + "s  %-" + pkgWidth + "s  %-6s  %s%n";
    out.printf(format, "config path", "package", "_self_", "parent");
    for (ResolvedDefault d : defaults.entries()) {
      out.printf(format, d.configPath(), d.packageName(), d.isSelf() ? "yes" : "", d.parent());
    }
    out.println();
  }

  /** Hydra's {@code --info defaults-tree}: each config with what its defaults list chose. */
  private void printTree(DefaultsList defaults) {
    out.println("  <root>:");
    printChildren("<root>", defaults, 1);
    out.println();
  }

  private void printChildren(String parent, DefaultsList defaults, int depth) {
    java.util.Set<String> shown = new java.util.HashSet<>();
    for (ResolvedDefault d : defaults.entries()) {
      if (d.isSelf() && d.configPath().equals(parent)) {
        out.println("  " + "  ".repeat(depth) + "_self_");
      } else if (d.parent().equals(parent) && shown.add(d.configPath() + "@" + d.packageName())) {
        String pkg = d.packageName().isEmpty() ? "" : " (@" + d.packageName() + ")";
        boolean hasChildren = d.isSelf();
        out.println("  " + "  ".repeat(depth) + d.configPath() + pkg + (hasChildren ? ":" : ""));
        if (hasChildren) {
          printChildren(d.configPath(), defaults, depth + 1);
        }
      }
    }
  }

  private void printOrigins(String prefix, ConfigNode node) {
    if (node instanceof ConfigMap map && !map.isEmpty()) {
      for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
        printOrigins(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue());
      }
      return;
    }
    String value = inline(node);
    out.println("  " + prefix + ": " + value + "    # " + node.origin());
  }
}
