package dev.hydra4j.schema;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema of a composed config: each value's type taken from the value, its current value
 * as {@code default} (editors offer it), its origin as {@code description}, and every map closed
 * ({@code additionalProperties: false}), as struct mode closes a composed config. A {@code null} or
 * {@code ???} value accepts any type.
 */
public final class TreeSchema {

  /** The draft the schemas follow. */
  public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private final boolean required;

  /**
   * @param required whether every key must be present: true to check a whole config, false to
   *     complete or check one file that sets only some keys
   */
  public TreeSchema(boolean required) {
    this.required = required;
  }

  /** The schema document of {@code root}, titled {@code title}. */
  public ConfigMap document(ConfigMap root, String title) {
    ConfigMap.Builder doc =
        ConfigMap.builder(Origin.BUILT_IN).put("$schema", text(DRAFT)).put("title", text(title));
    ConfigMap body = schema(root);
    if (!required) {
      // A file of the config tree may start with its own defaults list.
      ConfigMap properties = (ConfigMap) body.get("properties");
      body =
          body.with(
              "properties",
              properties.with(
                  "defaults",
                  ConfigMap.builder(Origin.BUILT_IN)
                      .put("type", text("array"))
                      .put("description", text("the defaults list of this config file"))
                      .build()));
    }
    body.entries().forEach(doc::put);
    return doc.build();
  }

  ConfigMap schema(ConfigNode node) {
    ConfigMap.Builder out = ConfigMap.builder(Origin.BUILT_IN);
    if (node instanceof ConfigMap map) {
      out.put("type", text("object"));
      describe(out, node);
      ConfigMap.Builder properties = ConfigMap.builder(Origin.BUILT_IN);
      map.entries().forEach((k, v) -> properties.put(k, schema(v)));
      out.put("properties", properties.build());
      if (required && !map.isEmpty()) {
        out.put("required", strings(map.keys()));
      }
      out.put("additionalProperties", new ConfigValue(false, Origin.BUILT_IN));
    } else if (node instanceof ConfigList list) {
      out.put("type", text("array"));
      describe(out, node);
      Set<ConfigMap> items = new LinkedHashSet<>();
      for (ConfigNode item : list.items()) {
        items.add(withoutAnnotations(schema(item)));
      }
      if (items.size() == 1) {
        out.put("items", items.iterator().next());
      }
    } else {
      ConfigValue value = (ConfigValue) node;
      String type = jsonType(value.value());
      if (type != null && !value.isMissing()) {
        out.put("type", text(type));
      }
      describe(out, node);
      if (type != null && !value.isMissing()) {
        out.put("default", value);
      }
    }
    return out.build();
  }

  /** The JSON type of a scalar, or {@code null} for null (any type allowed). */
  static String jsonType(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value instanceof Double ? "number" : "integer";
  }

  private static void describe(ConfigMap.Builder out, ConfigNode node) {
    Origin origin = node.origin();
    if (origin != null && !origin.equals(Origin.BUILT_IN)) {
      out.put(
          "description",
          text((node.isMissing() ? "must be set (???); " : "") + "set at " + origin));
    }
  }

  /** Item schemas compared by shape: descriptions and defaults differ per item. */
  private static ConfigMap withoutAnnotations(ConfigMap schema) {
    ConfigMap out = schema.without("description").without("default");
    ConfigNode properties = out.get("properties");
    if (properties instanceof ConfigMap props) {
      ConfigMap.Builder b = ConfigMap.builder(Origin.BUILT_IN);
      props.entries().forEach((k, v) -> b.put(k, withoutAnnotations((ConfigMap) v)));
      out = out.with("properties", b.build());
    }
    ConfigNode items = out.get("items");
    if (items instanceof ConfigMap itemSchema) {
      out = out.with("items", withoutAnnotations(itemSchema));
    }
    return out;
  }

  static ConfigValue text(String s) {
    return new ConfigValue(s, Origin.BUILT_IN);
  }

  static ConfigList strings(Iterable<String> values) {
    List<dev.hydra4j.config.ConfigNode> items = new ArrayList<>();
    values.forEach(v -> items.add(text(v)));
    return new ConfigList(items, Origin.BUILT_IN);
  }
}
