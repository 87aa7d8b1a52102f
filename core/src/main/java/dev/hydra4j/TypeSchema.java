package dev.hydra4j;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.schema.TreeSchema;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema of the configs a type binds from, with the binder's rules: records and
 * constructor-bound classes are closed objects under their snake_case keys (the binder also takes
 * camelCase and kebab-case), {@code Optional} and {@code @Nullable} components are not required and
 * accept {@code null}, each record is one {@code $defs} entry, and a sealed interface is {@code
 * anyOf} its permitted subtypes. Strings that the binder would convert to numbers are not accepted
 * here: the schema describes what to write.
 */
final class TypeSchema {

  private final Map<String, ConfigMap> defs = new LinkedHashMap<>();
  private final Map<Class<?>, String> names = new LinkedHashMap<>();

  static ConfigMap document(Class<?> type) {
    TypeSchema builder = new TypeSchema();
    ConfigMap body = builder.schema(type);
    ConfigMap.Builder doc =
        ConfigMap.builder(null)
            .put("$schema", text(TreeSchema.DRAFT))
            .put("title", text(type.getSimpleName()));
    body.entries().forEach(doc::put);
    if (!builder.defs.isEmpty()) {
      ConfigMap.Builder defs = ConfigMap.builder(null);
      builder.defs.forEach(defs::put);
      doc.put("$defs", defs.build());
    }
    return doc.build();
  }

  private ConfigMap schema(Type type) {
    Class<?> raw = Binder.rawClass(type);
    if (raw == Optional.class) {
      return nullable(schema(argument(type, 0)));
    }
    if (raw == Object.class) {
      return ConfigMap.empty(null);
    }
    if (raw == Config.class || Map.class.isAssignableFrom(raw)) {
      ConfigMap.Builder out = ConfigMap.builder(null).put("type", text("object"));
      if (raw != Config.class) {
        out.put("additionalProperties", schema(argument(type, 1)));
      }
      return out.build();
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return ConfigMap.builder(null)
          .put("type", text("array"))
          .put("items", schema(argument(type, 0)))
          .build();
    }
    if (Scalars.isScalar(raw)) {
      return scalar(raw);
    }
    return ref(raw);
  }

  private ConfigMap ref(Class<?> raw) {
    String name = names.get(raw);
    if (name == null) {
      name = names.containsValue(raw.getSimpleName()) ? raw.getName() : raw.getSimpleName();
      names.put(raw, name);
      defs.put(name, ConfigMap.empty(null));
      defs.put(name, raw.isSealed() ? sealed(raw) : object(raw));
    }
    return ConfigMap.builder(null).put("$ref", text("#/$defs/" + name)).build();
  }

  private ConfigMap sealed(Class<?> raw) {
    List<ConfigNode> options = new ArrayList<>();
    for (Class<?> sub : raw.getPermittedSubclasses()) {
      options.add(schema(sub));
    }
    return ConfigMap.builder(null)
        .put(
            "description",
            text(
                "one of "
                    + raw.getSimpleName()
                    + "'s subtypes, chosen by"
                    + " the config group option of the same name"))
        .put("anyOf", new ConfigList(options, null))
        .build();
  }

  private ConfigMap object(Class<?> raw) {
    StringBuilder why = new StringBuilder();
    Creators creator = Creators.of(raw, why);
    if (creator == null) {
      return ConfigMap.builder(null).put("description", text(why.toString())).build();
    }
    ConfigMap.Builder properties = ConfigMap.builder(null);
    List<String> required = new ArrayList<>();
    for (Creators.Slot slot : creator.parameters()) {
      ConfigMap schema = schema(slot.type());
      properties.put(slot.snakeName(), slot.nullable() ? nullable(schema) : schema);
      if (!slot.nullable() && Binder.rawClass(slot.type()) != Optional.class) {
        required.add(slot.snakeName());
      }
    }
    ConfigMap.Builder out =
        ConfigMap.builder(null)
            .put("type", text("object"))
            .put("description", text(raw.getName()))
            .put("properties", properties.build());
    if (!required.isEmpty()) {
      out.put("required", strings(required));
    }
    return out.put("additionalProperties", new ConfigValue(false, null)).build();
  }

  private static ConfigMap scalar(Class<?> raw) {
    ConfigMap.Builder out = ConfigMap.builder(null);
    if (raw.isEnum()) {
      List<String> accepted = new ArrayList<>();
      for (Object c : raw.getEnumConstants()) {
        String constant = ((Enum<?>) c).name();
        accepted.add(constant);
        if (!constant.toLowerCase(Locale.ROOT).equals(constant)) {
          accepted.add(constant.toLowerCase(Locale.ROOT));
        }
      }
      return out.put("type", text("string")).put("enum", strings(accepted)).build();
    }
    if (raw == Duration.class || raw == ByteSize.class) {
      return out.put("type", strings(List.of("string", "integer")))
          .put("description", text(Scalars.expected(raw)))
          .build();
    }
    String type =
        raw == String.class || raw == Path.class || raw == char.class || raw == Character.class
            ? "string"
            : raw == boolean.class || raw == Boolean.class
                ? "boolean"
                : raw == double.class
                        || raw == Double.class
                        || raw == float.class
                        || raw == Float.class
                        || raw == BigDecimal.class
                    ? "number"
                    : "integer";
    out.put("type", text(type));
    if (raw == int.class || raw == Integer.class) {
      out.put("minimum", new ConfigValue((long) Integer.MIN_VALUE, null))
          .put("maximum", new ConfigValue((long) Integer.MAX_VALUE, null));
    }
    return out.build();
  }

  private static ConfigMap nullable(ConfigMap schema) {
    List<ConfigNode> options =
        List.of(schema, ConfigMap.builder(null).put("type", text("null")).build());
    return ConfigMap.builder(null).put("anyOf", new ConfigList(options, null)).build();
  }

  private static Type argument(Type type, int index) {
    if (type instanceof java.lang.reflect.ParameterizedType p
        && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static ConfigValue text(String s) {
    return new ConfigValue(s, null);
  }

  private static ConfigList strings(List<String> values) {
    List<ConfigNode> items = new ArrayList<>();
    values.forEach(v -> items.add(text(v)));
    return new ConfigList(items, null);
  }
}
