package dev.hydra4j;

import dev.hydra4j.compose.Suggestions;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds config nodes to Java types, collecting every problem instead of stopping at the first: a
 * wrong type, a missing or unknown key, a {@code ???} value, a constructor that refused its values.
 * A failed part yields {@code null} and binding goes on with the rest.
 */
final class Binder {

  private final Map<String, String> choices;
  private final List<Hydra4jException.Problem> problems = new ArrayList<>();

  /**
   * @param choices the group choices of the composition, by dotted key
   */
  Binder(Map<String, String> choices) {
    this.choices = choices;
  }

  List<Hydra4jException.Problem> problems() {
    return problems;
  }

  /** {@code node} (never {@code null}) at {@code key} as a {@code type}. */
  Object bind(ConfigNode node, Type type, String key) {
    Class<?> raw = rawClass(type);
    if (raw == Optional.class) {
      boolean absent = node instanceof ConfigValue v && (v.isNull() || v.isMissing());
      return absent
          ? Optional.empty()
          : Optional.ofNullable(bind(node, typeArgument(type, 0), key));
    }
    if (node.isMissing()) {
      return problem(key, "is ??? (a value that must be set)", node, null);
    }
    if (node instanceof ConfigValue v && v.isNull()) {
      return raw == Object.class
          ? null
          : problem(
              key,
              "is null, but "
                  + typeName(raw)
                  + " needs a value; declare it"
                  + " Optional<"
                  + typeName(raw)
                  + "> to allow null",
              node,
              null);
    }
    if (raw == Object.class) {
      return ConfigNodes.plain(node);
    }
    if (raw == Config.class) {
      return node instanceof ConfigMap map
          ? new Config(map, key, choices)
          : mismatch(key, "a map", node);
    }
    if (Scalars.isScalar(raw)) {
      if (!(node instanceof ConfigValue value)) {
        return mismatch(key, Scalars.expected(raw), node);
      }
      try {
        return Scalars.convert(value, raw);
      } catch (Scalars.Mismatch e) {
        return mismatch(key, Scalars.expected(raw), node);
      }
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return collection(node, raw, typeArgument(type, 0), key);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return map(node, typeArgument(type, 1), key, typeArgument(type, 0));
    }
    if (raw.isSealed()) {
      return sealed(node, raw, key);
    }
    return object(node, raw, key);
  }

  private Object collection(ConfigNode node, Class<?> raw, Type element, String key) {
    if (!(node instanceof ConfigList list)) {
      return mismatch(key, "a list", node);
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      items.add(bind(list.get(i), element, key + "[" + i + "]"));
    }
    if (Set.class.isAssignableFrom(raw)) {
      return Collections.unmodifiableSet(new LinkedHashSet<>(items));
    }
    return Collections.unmodifiableList(items);
  }

  private Object map(ConfigNode node, Type valueType, String key, Type keyType) {
    if (rawClass(keyType) != String.class && rawClass(keyType) != Object.class) {
      return problem(
          key, "maps bind with String keys only, not " + keyType.getTypeName(), node, null);
    }
    if (!(node instanceof ConfigMap map)) {
      return mismatch(key, "a map", node);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.entries().forEach((k, v) -> out.put(k, bind(v, valueType, join(key, k))));
    return Collections.unmodifiableMap(out);
  }

  private Object object(ConfigNode node, Class<?> raw, String key) {
    StringBuilder why = new StringBuilder();
    Creators creator = Creators.of(raw, why);
    if (creator == null) {
      return problem(key, "cannot bind to " + raw.getSimpleName() + ": " + why, node, null);
    }
    if (!(node instanceof ConfigMap map)) {
      return mismatch(key, "a map (" + raw.getSimpleName() + ")", node);
    }
    int before = problems.size();
    Object[] args = new Object[creator.parameters().size()];
    Set<String> used = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      Creators.Slot slot = creator.parameters().get(i);
      String found = null;
      for (String k : map.keys()) {
        if (slot.matches(k)) {
          found = k;
          break;
        }
      }
      if (found != null) {
        used.add(found);
        args[i] =
            slot.nullable() && map.get(found) instanceof ConfigValue v && v.isNull()
                ? null
                : bind(map.get(found), slot.type(), join(key, found));
      } else if (rawClass(slot.type()) == Optional.class) {
        args[i] = Optional.empty();
      } else if (!slot.nullable()) {
        problem(
            join(key, slot.snakeName()),
            "missing: "
                + raw.getSimpleName()
                + " needs it;"
                + " set it in the config or declare it Optional",
            map,
            null);
      }
    }
    for (String k : map.keys()) {
      if (!used.contains(k)) {
        List<String> names = creator.parameters().stream().map(Creators.Slot::snakeName).toList();
        String close = Suggestions.didYouMean(k, names);
        problem(
            join(key, k),
            "unknown key: "
                + raw.getSimpleName()
                + " has no component '"
                + k
                + "'"
                + (close.isEmpty()
                    ? " (it has " + String.join(", ", names) + ")"
                    : " (" + close.strip() + ")"),
            map.get(k),
            null);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    Object made = creator.create(args, why);
    return made != null ? made : problem(key, why.toString(), node, null);
  }

  /**
   * A sealed interface's permitted subtype: the one named like the group option chosen for {@code
   * key} ({@code optimizer=adam_w} picks {@code AdamW}; case, {@code _} and {@code -} are ignored);
   * without a group choice, the only subtype the map binds to.
   */
  private Object sealed(ConfigNode node, Class<?> raw, String key) {
    Class<?>[] permitted = raw.getPermittedSubclasses();
    String choice = choices.get(key.replace('.', '/'));
    if (choice != null) {
      String option = normalize(choice.substring(choice.lastIndexOf('/') + 1));
      for (Class<?> sub : permitted) {
        if (normalize(sub.getSimpleName()).equals(option)) {
          return bind(node, sub, key);
        }
      }
      return problem(
          key,
          "the group option '"
              + choice
              + "' names no subtype of "
              + raw.getSimpleName()
              + " ("
              + names(permitted)
              + ")",
          node,
          "name the record like the option (case, _ and - do not matter)");
    }
    for (Class<?> sub : permitted) {
      StringBuilder why = new StringBuilder();
      if (!sub.isInterface() && !Scalars.isScalar(sub) && Creators.of(sub, why) == null) {
        return problem(key, "cannot bind to " + raw.getSimpleName() + ": " + why, node, null);
      }
    }
    List<Object> fits = new ArrayList<>();
    for (Class<?> sub : permitted) {
      Binder trial = new Binder(choices);
      Object made = trial.bind(node, sub, key);
      if (trial.problems.isEmpty()) {
        fits.add(made);
      }
    }
    if (fits.size() == 1) {
      return fits.get(0);
    }
    return problem(
        key,
        (fits.isEmpty() ? "matches none" : "matches more than one")
            + " of the subtypes of "
            + raw.getSimpleName()
            + " ("
            + names(permitted)
            + ") and no config group chooses one",
        node,
        "make '" + key + "' a config group whose option names the subtype");
  }

  private static String names(Class<?>[] types) {
    return String.join(", ", java.util.Arrays.stream(types).map(Class::getSimpleName).toList());
  }

  private static String normalize(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
  }

  private Object mismatch(String key, String expected, ConfigNode node) {
    return problem(key, "expected " + expected + ", got " + Scalars.describe(node), node, null);
  }

  private Object problem(String key, String message, ConfigNode node, String hint) {
    problems.add(
        new Hydra4jException.Problem(
            key, message + (hint == null ? "" : "; " + hint), Origin.of(node.origin())));
    return null;
  }

  static String join(String key, String child) {
    return key.isEmpty() ? child : key + "." + child;
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return rawClass(w.getUpperBounds()[0]);
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static String typeName(Class<?> type) {
    return type.isPrimitive() ? type.getName() : type.getSimpleName();
  }
}
