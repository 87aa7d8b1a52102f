package dev.hydra4j;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interop with Typesafe Config (Lightbend Config): use an application's {@code reference.conf} as
 * defaults under a composed config, or hand a composed config to code that reads a {@code
 * com.typesafe.config.Config}. Origins travel both ways, so errors still name the file and line.
 *
 * <pre>{@code
 * Config defaults = TypesafeConfigs.toHydra(ConfigFactory.defaultReference());
 * Config cfg = Hydra4j.load(Path.of("conf"), "config", args).withFallback(defaults);
 * com.typesafe.config.Config forAkka = TypesafeConfigs.toTypesafe(cfg);
 * }</pre>
 *
 * <p>Typesafe Config is a dependency of hydra4j today; this class is the only public place that
 * names its types, so a program that never calls it never loads them.
 */
public final class TypesafeConfigs {

  private TypesafeConfigs() {}

  /**
   * {@code config}, resolved, as a hydra4j {@link Config}; each value keeps the file (or classpath
   * resource) and line Typesafe Config read it from.
   *
   * @throws Hydra4jException when a substitution cannot be resolved
   */
  public static Config toHydra(com.typesafe.config.Config config) {
    try {
      return new Config((ConfigMap) node(config.resolve().root()), "", Map.of());
    } catch (com.typesafe.config.ConfigException e) {
      Origin at = e.origin() == null ? Origin.UNKNOWN : origin(e.origin());
      throw new Hydra4jException(
          e.getMessage(),
          List.of(new Hydra4jException.Problem("", e.getMessage(), at)),
          "fix the Typesafe config before handing it to hydra4j",
          e);
    }
  }

  /**
   * {@code config} as a Typesafe {@code Config}; values from a file carry it and their line as
   * their origin, others the override or source that set them.
   */
  public static com.typesafe.config.Config toTypesafe(Config config) {
    com.typesafe.config.Config out = ConfigFactory.empty("hydra4j config");
    for (Map.Entry<String, ConfigNode> e : config.tree().entries().entrySet()) {
      out = out.withValue(ConfigUtil.joinPath(e.getKey()), value(e.getValue()));
    }
    return out;
  }

  private static ConfigNode node(ConfigValue value) {
    dev.hydra4j.config.Origin at = origin(value.origin()).toTree();
    if (value instanceof ConfigObject object) {
      ConfigMap.Builder map = ConfigMap.builder(at);
      object.forEach((k, v) -> map.put(k, node(v)));
      return map.build();
    }
    if (value instanceof ConfigList list) {
      List<ConfigNode> items = new ArrayList<>();
      list.forEach(v -> items.add(node(v)));
      return new dev.hydra4j.config.ConfigList(items, at);
    }
    return new dev.hydra4j.config.ConfigValue(value.unwrapped(), at);
  }

  private static ConfigValue value(ConfigNode node) {
    ConfigValue out;
    if (node instanceof ConfigMap map) {
      com.typesafe.config.Config object = ConfigFactory.empty();
      for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
        object = object.withValue(ConfigUtil.joinPath(e.getKey()), value(e.getValue()));
      }
      out = object.root();
    } else if (node instanceof dev.hydra4j.config.ConfigList list) {
      List<ConfigValue> items = new ArrayList<>();
      list.items().forEach(item -> items.add(value(item)));
      out = ConfigValueFactory.fromIterable(items);
    } else {
      out = ConfigValueFactory.fromAnyRef(((dev.hydra4j.config.ConfigValue) node).value());
    }
    return out.withOrigin(origin(node.origin()));
  }

  private static ConfigOrigin origin(dev.hydra4j.config.Origin origin) {
    if (origin != null && origin.isFile()) {
      ConfigOrigin file = ConfigOriginFactory.newFile(origin.file());
      return origin.line() > 0 ? file.withLineNumber(origin.line()) : file;
    }
    return ConfigOriginFactory.newSimple(origin == null ? "hydra4j" : origin.description());
  }

  private static Origin origin(ConfigOrigin origin) {
    String where =
        origin.resource() != null
            ? origin.resource()
            : origin.filename() != null ? origin.filename() : null;
    int line = Math.max(0, origin.lineNumber());
    return where == null
        ? new Origin(origin.description(), null, line, 0)
        : new Origin(where, where, line, 0);
  }
}
