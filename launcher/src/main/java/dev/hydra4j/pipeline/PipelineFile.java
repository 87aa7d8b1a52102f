package dev.hydra4j.pipeline;

import dev.hydra4j.compose.Suggestions;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a pipeline file strictly: every unknown key, bad value, missing stage and cycle located.
 */
final class PipelineFile {

  private static final Set<String> TOP_KEYS = Set.of("stages");
  private static final Set<String> STAGE_KEYS = Set.of("overrides", "command", "depends_on");

  /** A stage's name is its directory's name: plain, and never a job number. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

  private static final String EXAMPLE =
      "e.g. stages: {train: {overrides: [seed=range(4)]}, eval: {depends_on: {train: each}}}";

  private PipelineFile() {}

  static Pipeline read(Path file) {
    String display = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "The pipeline file '" + display + "' does not exist",
          Origin.of("--pipeline " + display),
          "give a YAML file that lists the stages, " + EXAMPLE);
    }
    if (!display.endsWith(".yaml") && !display.endsWith(".yml")) {
      throw new ConfigException(
          "The pipeline file '" + display + "' is not a YAML file",
          Origin.of("--pipeline " + display),
          "name it pipeline.yaml");
    }
    return parse(ConfigFiles.read(file, display).root(), display);
  }

  static Pipeline parse(ConfigMap root, String display) {
    requireKnown(root, TOP_KEYS, "a pipeline file");
    if (!(root.get("stages") instanceof ConfigMap stages) || stages.isEmpty()) {
      throw new ConfigException(
          "A pipeline needs 'stages': a mapping from stage name to stage",
          root.has("stages") ? root.get("stages").origin() : Origin.ofFile(display, 1, 1),
          EXAMPLE);
    }
    Map<String, Stage> byName = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> e : stages.entries().entrySet()) {
      byName.put(e.getKey(), stage(e.getKey(), e.getValue()));
    }
    for (Stage stage : byName.values()) {
      for (Dependency d : stage.dependsOn()) {
        if (!byName.containsKey(d.stage())) {
          throw new ConfigException(
              "Stage '" + stage.name() + "' depends on '" + d.stage() + "', which is no stage",
              d.origin(),
              Suggestions.didYouMean(d.stage(), byName.keySet())
                  + "the stages are "
                  + String.join(", ", byName.keySet()));
        }
      }
    }
    return new Pipeline(ordered(byName));
  }

  private static Stage stage(String name, ConfigNode node) {
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(
          "'" + name + "' cannot name a stage: it names the stage's directory",
          node.origin(),
          "use letters, digits, '_' and '-', starting with a letter or '_' (e.g. train, eval_2)");
    }
    if (node instanceof ConfigValue v && v.isNull()) {
      node = ConfigMap.empty(node.origin());
    }
    if (!(node instanceof ConfigMap map)) {
      throw new ConfigException("Stage '" + name + "' must be a mapping", node.origin(), EXAMPLE);
    }
    requireKnown(map, STAGE_KEYS, "stage '" + name + "'");
    List<String> command = words(map.get("command"), "command", false);
    if (map.has("command") && command.isEmpty()) {
      throw new ConfigException(
          "Stage '" + name + "' has an empty command",
          map.get("command").origin(),
          "give its words, e.g. command: [python3, eval.py], or leave 'command' out");
    }
    return new Stage(
        name,
        words(map.get("overrides"), "overrides", true),
        command,
        dependencies(name, map.get("depends_on")),
        node.origin());
  }

  private static List<String> words(ConfigNode node, String key, boolean stringsOnly) {
    if (node == null || node instanceof ConfigValue v && v.isNull()) {
      return List.of();
    }
    if (!(node instanceof ConfigList list)) {
      throw new ConfigException(
          "'" + key + "' must be a list",
          node.origin(),
          key.equals("overrides")
              ? "one override per item, e.g. overrides: [\"seed=range(4)\", training.lr=0.1]"
              : "one word per item, e.g. command: [python3, eval.py]");
    }
    List<String> out = new ArrayList<>();
    for (ConfigNode item : list.items()) {
      if (!(item instanceof ConfigValue v)
          || v.value() == null
          || (stringsOnly && !(v.value() instanceof String))) {
        throw new ConfigException(
            "Each item of '" + key + "' must be " + (stringsOnly ? "a string" : "a word"),
            item.origin(),
            stringsOnly
                ? "write the override as text, e.g. - seed=1,2 (quote it if YAML reads it"
                    + " otherwise)"
                : "write each word of the command as one item");
      }
      out.add(String.valueOf(v.value()));
    }
    return out;
  }

  private static List<Dependency> dependencies(String stage, ConfigNode node) {
    List<Dependency> out = new ArrayList<>();
    if (node == null || node instanceof ConfigValue v && v.isNull()) {
      return out;
    }
    if (node instanceof ConfigValue v && v.value() instanceof String name) {
      out.add(new Dependency(name, false, node.origin()));
    } else if (node instanceof ConfigList list) {
      for (ConfigNode item : list.items()) {
        if (!(item instanceof ConfigValue v && v.value() instanceof String name)) {
          throw dependsOnShape(item.origin());
        }
        out.add(new Dependency(name, false, item.origin()));
      }
    } else if (node instanceof ConfigMap map) {
      for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
        ConfigNode mode = e.getValue();
        String text = mode instanceof ConfigValue v && v.value() != null ? v.value() + "" : "";
        if (!text.equals("each") && !text.equals("all")) {
          throw new ConfigException(
              "'" + e.getKey() + ": " + text + "' is neither 'each' nor 'all'",
              mode.origin(),
              "each: job i runs after "
                  + e.getKey()
                  + " job i; all: after every job of "
                  + e.getKey());
        }
        out.add(new Dependency(e.getKey(), text.equals("each"), mode.origin()));
      }
    } else {
      throw dependsOnShape(node.origin());
    }
    for (Dependency d : out) {
      if (d.stage().equals(stage)) {
        throw new ConfigException(
            "Stage '" + stage + "' depends on itself", d.origin(), "remove it from its depends_on");
      }
    }
    return out;
  }

  private static ConfigException dependsOnShape(Origin origin) {
    return new ConfigException(
        "'depends_on' must name stages",
        origin,
        "depends_on: train (after all of train), depends_on: [train, prep], or"
            + " depends_on: {train: each} (job i after train job i)");
  }

  private static void requireKnown(ConfigMap map, Set<String> known, String where) {
    for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new ConfigException(
            "Unknown key '" + e.getKey() + "' in " + where,
            e.getValue().origin(),
            Suggestions.didYouMean(e.getKey(), known)
                + "the keys are "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** The stages in launch order: each after its dependencies, otherwise as written; no cycles. */
  private static List<Stage> ordered(Map<String, Stage> byName) {
    List<Stage> order = new ArrayList<>();
    Map<String, Integer> mark = new LinkedHashMap<>();
    for (Stage stage : byName.values()) {
      visit(stage, byName, mark, new ArrayList<>(), order);
    }
    return order;
  }

  private static void visit(
      Stage stage,
      Map<String, Stage> byName,
      Map<String, Integer> mark,
      List<String> path,
      List<Stage> order) {
    Integer m = mark.get(stage.name());
    if (m != null && m == 2) {
      return;
    }
    path.add(stage.name());
    if (m != null) {
      List<String> cycle = path.subList(path.indexOf(stage.name()), path.size());
      throw new ConfigException(
          "The stages depend on each other in a cycle: " + String.join(" -> ", cycle),
          stage.dependsOn().stream()
              .filter(d -> d.stage().equals(cycle.get(1)))
              .findFirst()
              .map(Dependency::origin)
              .orElse(stage.origin()),
          "a stage can only wait for stages that do not wait for it; remove one of these"
              + " depends_on entries");
    }
    mark.put(stage.name(), 1);
    for (Dependency d : stage.dependsOn()) {
      visit(byName.get(d.stage()), byName, mark, path, order);
    }
    mark.put(stage.name(), 2);
    path.remove(path.size() - 1);
    order.add(stage);
  }
}
