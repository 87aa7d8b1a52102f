package dev.hydra4j.schema;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a config tree against a JSON Schema, reporting every violation with the key and the
 * file:line of the value. Keywords it does not check are listed in {@link #unchecked()} rather than
 * passed in silence.
 */
public final class SchemaValidator {

  /**
   * One value that breaks the schema.
   *
   * @param key the dotted key of the value ({@code training.lr}, {@code videos[1]})
   * @param message what is wrong
   * @param origin where the value was set
   */
  public record Violation(String key, String message, Origin origin) {
    @Override
    public String toString() {
      return origin + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
  }

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema",
          "$id",
          "$defs",
          "definitions",
          "$comment",
          "$anchor",
          "title",
          "description",
          "default",
          "examples",
          "format",
          "readOnly",
          "writeOnly",
          "deprecated",
          "contentMediaType",
          "contentEncoding",
          "then",
          "else");

  private static final Set<String> JSON_TYPES =
      Set.of("object", "array", "string", "number", "integer", "boolean", "null");

  private final ConfigMap root;
  private final Set<String> unchecked = new LinkedHashSet<>();

  public SchemaValidator(ConfigMap schema) {
    this.root = schema;
  }

  /** Every violation of the schema by {@code instance}, in document order. */
  public List<Violation> validate(ConfigNode instance) {
    List<Violation> out = new ArrayList<>();
    check(root, instance, "", out, 0);
    return out;
  }

  /** Keywords met in the schema that this validator does not check. */
  public Set<String> unchecked() {
    return unchecked;
  }

  private void check(
      ConfigNode schema, ConfigNode value, String key, List<Violation> out, int depth) {
    if (depth > 200) {
      out.add(new Violation(key, "the schema's $refs loop without end", value.origin()));
      return;
    }
    if (schema instanceof ConfigValue v && v.value() instanceof Boolean allowed) {
      if (!allowed) {
        out.add(new Violation(key, "is not allowed here", value.origin()));
      }
      return;
    }
    if (!(schema instanceof ConfigMap s)) {
      return;
    }
    for (var e : s.entries().entrySet()) {
      keyword(s, e.getKey(), e.getValue(), value, key, out, depth);
    }
    if (value instanceof ConfigMap map) {
      guarded("properties", s, () -> ObjectKeywords.check(this, s, map, key, out, depth));
    } else if (value instanceof ConfigList list) {
      guarded("items", s, () -> ArrayKeywords.check(this, s, list, key, out, depth));
    }
  }

  private void keyword(
      ConfigMap s,
      String name,
      ConfigNode arg,
      ConfigNode value,
      String key,
      List<Violation> out,
      int depth) {
    guarded(name, arg, () -> checkKeyword(s, name, arg, value, key, out, depth));
  }

  /** Runs a keyword's check; an argument of the wrong shape ("type": 5) is bad input. */
  private static void guarded(String name, ConfigNode arg, Runnable check) {
    try {
      check.run();
    } catch (ClassCastException
        | IndexOutOfBoundsException
        | NullPointerException
        | IllegalArgumentException e) {
      throw new ConfigException(
          "The schema's '" + name + "' is not valid JSON Schema",
          arg.origin(),
          "see https://json-schema.org/understanding-json-schema for its form");
    }
  }

  private void checkKeyword(
      ConfigMap s,
      String name,
      ConfigNode arg,
      ConfigNode value,
      String key,
      List<Violation> out,
      int depth) {
    Origin at = value.origin();
    switch (name) {
      case "$ref" -> check(ref(((ConfigValue) arg).value().toString()), value, key, out, depth + 1);
      case "type" -> {
        List<String> types = texts(arg);
        if (!JSON_TYPES.containsAll(types)) {
          throw new IllegalArgumentException("unknown type in " + types);
        }
        if (types.stream().noneMatch(t -> hasType(value, t))) {
          out.add(
              new Violation(
                  key, "expected " + String.join(" or ", types) + ", got " + describe(value), at));
        }
      }
      case "enum" -> {
        boolean found = ((ConfigList) arg).items().stream().anyMatch(c -> same(c, value));
        if (!found) {
          out.add(
              new Violation(
                  key, "expected one of " + render(arg) + ", got " + describe(value), at));
        }
      }
      case "const" -> {
        if (!same(arg, value)) {
          out.add(new Violation(key, "expected " + render(arg) + ", got " + describe(value), at));
        }
      }
      case "properties",
          "required",
          "additionalProperties",
          "patternProperties",
          "minProperties",
          "maxProperties",
          "items",
          "prefixItems",
          "minItems",
          "maxItems",
          "uniqueItems",
          "additionalItems" -> {
        // checked together, once per object or array, by check()
      }
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> {
        BigDecimal n = number(value);
        BigDecimal bound = number(arg);
        if (n != null && bound != null && !withinBound(name, n, bound)) {
          out.add(new Violation(key, name + " is " + render(arg) + ", got " + describe(value), at));
        }
      }
      case "minLength", "maxLength", "pattern" -> {
        if (value instanceof ConfigValue v && v.value() instanceof String text) {
          stringKeyword(name, arg, text, key, at, out);
        }
      }
      case "anyOf", "oneOf", "allOf", "not", "if" ->
          Combinators.check(this, s, name, arg, value, key, out, depth);
      default -> {
        if (!ANNOTATIONS.contains(name)) {
          unchecked.add(name);
        }
      }
    }
  }

  void checkChild(ConfigNode schema, ConfigNode value, String key, List<Violation> out, int depth) {
    check(schema, value, key, out, depth + 1);
  }

  boolean valid(ConfigNode schema, ConfigNode value, int depth) {
    List<Violation> scratch = new ArrayList<>();
    check(schema, value, "", scratch, depth + 1);
    return scratch.isEmpty();
  }

  private ConfigNode ref(String pointer) {
    if (!pointer.startsWith("#")) {
      unchecked.add("$ref to another document (" + pointer + ")");
      return new ConfigValue(true, Origin.BUILT_IN);
    }
    ConfigNode node = root;
    for (String part : pointer.substring(1).split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String segment = part.replace("~1", "/").replace("~0", "~");
      node =
          node instanceof ConfigMap m
              ? m.get(segment)
              : node instanceof ConfigList l ? l.get(Integer.parseInt(segment)) : null;
      if (node == null) {
        unchecked.add("$ref to a missing place (" + pointer + ")");
        return new ConfigValue(true, Origin.BUILT_IN);
      }
    }
    return node;
  }

  private static void stringKeyword(
      String name, ConfigNode arg, String text, String key, Origin at, List<Violation> out) {
    int length = text.codePointCount(0, text.length());
    switch (name) {
      case "minLength" -> {
        if (length < number(arg).intValue()) {
          out.add(new Violation(key, "is shorter than " + render(arg) + " characters", at));
        }
      }
      case "maxLength" -> {
        if (length > number(arg).intValue()) {
          out.add(new Violation(key, "is longer than " + render(arg) + " characters", at));
        }
      }
      default -> {
        if (!Pattern.compile(((ConfigValue) arg).value().toString()).matcher(text).find()) {
          out.add(
              new Violation(key, "'" + text + "' does not match the pattern " + render(arg), at));
        }
      }
    }
  }

  private static boolean withinBound(String name, BigDecimal n, BigDecimal bound) {
    return switch (name) {
      case "minimum" -> n.compareTo(bound) >= 0;
      case "maximum" -> n.compareTo(bound) <= 0;
      case "exclusiveMinimum" -> n.compareTo(bound) > 0;
      case "exclusiveMaximum" -> n.compareTo(bound) < 0;
      default -> bound.signum() == 0 || n.remainder(bound).signum() == 0;
    };
  }

  static boolean hasType(ConfigNode node, String type) {
    Object v = node instanceof ConfigValue cv ? cv.value() : null;
    return switch (type) {
      case "object" -> node instanceof ConfigMap;
      case "array" -> node instanceof ConfigList;
      case "null" -> node instanceof ConfigValue && v == null;
      case "string" -> v instanceof String;
      case "boolean" -> v instanceof Boolean;
      case "integer" ->
          v instanceof Long
              || v instanceof BigInteger
              || (v instanceof Double d && d == Math.rint(d) && !d.isInfinite());
      case "number" -> v instanceof Long || v instanceof BigInteger || v instanceof Double;
      default -> false;
    };
  }

  /** JSON equality: numbers by value ({@code 1 == 1.0}), containers item by item. */
  static boolean same(ConfigNode a, ConfigNode b) {
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    if (x != null && y != null) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof ConfigList l && b instanceof ConfigList m) {
      if (l.size() != m.size()) {
        return false;
      }
      for (int i = 0; i < l.size(); i++) {
        if (!same(l.get(i), m.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof ConfigMap p && b instanceof ConfigMap q) {
      return p.keys().equals(q.keys()) && p.keys().stream().allMatch(k -> same(p.get(k), q.get(k)));
    }
    return a instanceof ConfigValue u
        && b instanceof ConfigValue v
        && java.util.Objects.equals(u.value(), v.value());
  }

  static BigDecimal number(ConfigNode node) {
    if (node instanceof ConfigValue v) {
      if (v.value() instanceof Long l) {
        return BigDecimal.valueOf(l);
      }
      if (v.value() instanceof BigInteger b) {
        return new BigDecimal(b);
      }
      if (v.value() instanceof Double d && Double.isFinite(d)) {
        return BigDecimal.valueOf(d);
      }
    }
    return null;
  }

  private static List<String> texts(ConfigNode node) {
    if (node instanceof ConfigList list) {
      return list.items().stream().map(i -> String.valueOf(((ConfigValue) i).value())).toList();
    }
    return List.of(String.valueOf(((ConfigValue) node).value()));
  }

  static String render(ConfigNode node) {
    return dev.hydra4j.config.JsonWriter.toJson(node, false);
  }

  static String describe(ConfigNode node) {
    if (node instanceof ConfigMap) {
      return "an object";
    }
    if (node instanceof ConfigList) {
      return "an array";
    }
    Object v = ((ConfigValue) node).value();
    String type = v == null ? "null" : TreeSchema.jsonType(v);
    return v == null ? "null" : render(node) + " (" + type + ")";
  }
}
