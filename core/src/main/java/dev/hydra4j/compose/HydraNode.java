package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.override.ParsedOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the runtime part of the {@code hydra} node: mode, chosen options, overrides, {@code
 * job.override_dirname}, config name, working directory and version — what Hydra shows in {@code
 * --cfg hydra} and writes to {@code .hydra/hydra.yaml}.
 */
final class HydraNode {

  static final Origin RUNTIME = Origin.of("hydra4j runtime");

  private HydraNode() {}

  record RuntimeFacts(
      String configName,
      RunMode mode,
      Map<String, String> choices,
      List<String> task,
      List<String> hydra,
      List<ParsedOverride> overrides,
      VersionBase versionBase) {}

  private static final ConfigPath MODE = ConfigPath.parse("hydra.mode");
  private static final ConfigPath CHOICES = ConfigPath.parse("hydra.runtime.choices");
  private static final ConfigPath VERSION = ConfigPath.parse("hydra.runtime.version");
  private static final ConfigPath VERSION_BASE = ConfigPath.parse("hydra.runtime.version_base");
  private static final ConfigPath CWD = ConfigPath.parse("hydra.runtime.cwd");
  private static final ConfigPath TASK = ConfigPath.parse("hydra.overrides.task");
  private static final ConfigPath HYDRA_OVERRIDES = ConfigPath.parse("hydra.overrides.hydra");
  private static final ConfigPath CONFIG_NAME = ConfigPath.parse("hydra.job.config_name");
  private static final ConfigPath OVERRIDE_DIRNAME = ConfigPath.parse("hydra.job.override_dirname");
  private static final ConfigPath JOB_NAME = ConfigPath.parse("hydra.job.name");

  static ConfigMap fill(ConfigMap config, RuntimeFacts runtime) {
    // Every value is computed from config as composed (none reads another): set them together.
    List<Map.Entry<ConfigPath, ConfigNode>> values = new ArrayList<>();
    if (runtime.mode() != null) {
      values.add(entry(MODE, value(runtime.mode().name())));
    }
    values.add(entry(CHOICES, choices(runtime.choices())));
    values.add(entry(VERSION, value(Version.VALUE)));
    values.add(entry(VERSION_BASE, value(runtime.versionBase().toString())));
    values.add(entry(CWD, value(Path.of("").toAbsolutePath().toString())));
    values.add(entry(TASK, strings(runtime.task())));
    values.add(entry(HYDRA_OVERRIDES, strings(runtime.hydra())));
    values.add(entry(CONFIG_NAME, value(runtime.configName())));
    values.add(entry(OVERRIDE_DIRNAME, value(overrideDirname(config, runtime.overrides()))));
    ConfigNode name = ConfigTree.select(config, JOB_NAME);
    if (name == null || name.isMissing()) {
      values.add(entry(JOB_NAME, value(runtime.configName().replace('/', '_'))));
    }
    return (ConfigMap) ConfigTree.setAll(config, values);
  }

  /** The choices of the last job composed, shared by the next one when they are the same. */
  private static volatile Choices lastChoices = new Choices(List.of(), ConfigMap.empty(RUNTIME));

  /** The chosen options in their order (the node keeps it), and their node. */
  private record Choices(List<Map.Entry<String, String>> chosen, ConfigMap node) {}

  /**
   * The chosen options as a node. The jobs of a sweep mostly choose alike: they get the same node,
   * which lets the YAML writer reuse its text (see dev.hydra4j.config.EmittedMappings).
   */
  private static ConfigMap choices(Map<String, String> chosen) {
    List<Map.Entry<String, String>> inOrder = new ArrayList<>(chosen.size());
    // An option may be null (group: null): entries that allow it.
    chosen.forEach((k, v) -> inOrder.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, v)));
    Choices last = lastChoices;
    if (last.chosen().equals(inOrder)) {
      return last.node();
    }
    ConfigMap.Builder node = ConfigMap.builder(RUNTIME);
    chosen.forEach((k, v) -> node.put(k, value(v)));
    Choices made = new Choices(inOrder, node.build());
    lastChoices = made;
    return made.node();
  }

  private static Map.Entry<ConfigPath, ConfigNode> entry(ConfigPath path, ConfigNode value) {
    return new java.util.AbstractMap.SimpleImmutableEntry<>(path, value);
  }

  /**
   * Hydra's {@code override_dirname}: the task overrides minus excluded keys, sorted as typed
   * (golden case sweep-cartesian-order-reversed-args), joined with item_sep, and then every {@code
   * =} of the result replaced by kv_sep — a quirk we match: an {@code =} inside a value ({@code
   * name='a=b'}) is replaced too, and the sort sees {@code =}, not kv_sep.
   */
  static String overrideDirname(ConfigMap config, List<ParsedOverride> overrides) {
    String kvSep = text(config, "hydra.job.config.override_dirname.kv_sep", "=");
    String itemSep = text(config, "hydra.job.config.override_dirname.item_sep", ",");
    Set<String> exclude = new HashSet<>();
    if (ConfigTree.select(
            config, ConfigPath.parse("hydra.job.config.override_dirname.exclude_keys"))
        instanceof ConfigList list) {
      for (ConfigNode item : list.items()) {
        exclude.add(String.valueOf(((ConfigValue) item).value()));
      }
    }
    List<String> items = new ArrayList<>();
    for (ParsedOverride o : overrides) {
      if (o.key().equals("hydra")
          || o.key().startsWith("hydra.")
          || o.key().startsWith("hydra/")
          || exclude.contains(o.key())) {
        continue;
      }
      items.add(o.input().strip());
    }
    Collections.sort(items);
    return String.join(itemSep, items).replace("=", kvSep);
  }

  private static String text(ConfigMap config, String path, String fallback) {
    ConfigNode node = ConfigTree.select(config, ConfigPath.parse(path));
    return node instanceof ConfigValue v && v.value() != null
        ? String.valueOf(v.value())
        : fallback;
  }

  private static ConfigValue value(Object v) {
    return new ConfigValue(v, RUNTIME);
  }

  private static ConfigList strings(List<String> items) {
    List<ConfigNode> nodes = new ArrayList<>();
    for (String s : items) {
      nodes.add(value(s));
    }
    return new ConfigList(nodes, RUNTIME);
  }
}
