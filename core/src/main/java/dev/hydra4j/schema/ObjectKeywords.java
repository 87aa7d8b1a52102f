package dev.hydra4j.schema;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.util.List;
import java.util.regex.Pattern;

/** {@code properties}, {@code required}, {@code additionalProperties} and friends. */
final class ObjectKeywords {

  private ObjectKeywords() {}

  static void check(
      SchemaValidator validator,
      ConfigMap s,
      ConfigMap map,
      String key,
      List<SchemaValidator.Violation> out,
      int depth) {
    ConfigMap properties = s.get("properties") instanceof ConfigMap p ? p : ConfigMap.empty(null);
    ConfigMap patterns =
        s.get("patternProperties") instanceof ConfigMap p ? p : ConfigMap.empty(null);
    ConfigNode additional = s.get("additionalProperties");
    if (s.get("required") instanceof dev.hydra4j.config.ConfigList required) {
      for (ConfigNode name : required.items()) {
        String wanted = String.valueOf(((ConfigValue) name).value());
        if (!map.has(wanted)) {
          out.add(
              new SchemaValidator.Violation(
                  join(key, wanted), "is required but missing", map.origin()));
        }
      }
    }
    count(s, "minProperties", map, key, out, true);
    count(s, "maxProperties", map, key, out, false);
    for (var e : map.entries().entrySet()) {
      String child = join(key, e.getKey());
      boolean matched = false;
      if (properties.has(e.getKey())) {
        matched = true;
        validator.checkChild(properties.get(e.getKey()), e.getValue(), child, out, depth);
      }
      for (var p : patterns.entries().entrySet()) {
        if (Pattern.compile(p.getKey()).matcher(e.getKey()).find()) {
          matched = true;
          validator.checkChild(p.getValue(), e.getValue(), child, out, depth);
        }
      }
      if (!matched && additional != null) {
        if (additional instanceof ConfigValue v && Boolean.FALSE.equals(v.value())) {
          String known = String.join(", ", properties.keys());
          String close = dev.hydra4j.compose.Suggestions.didYouMean(e.getKey(), properties.keys());
          out.add(
              new SchemaValidator.Violation(
                  child,
                  "is not a known key ("
                      + (close.isEmpty() ? "known here: " + known : close.strip())
                      + ")",
                  e.getValue().origin()));
        } else {
          validator.checkChild(additional, e.getValue(), child, out, depth);
        }
      }
    }
  }

  private static void count(
      ConfigMap s,
      String keyword,
      ConfigMap map,
      String key,
      List<SchemaValidator.Violation> out,
      boolean atLeast) {
    java.math.BigDecimal bound = SchemaValidator.number(s.get(keyword));
    if (bound != null
        && (atLeast ? map.size() < bound.intValue() : map.size() > bound.intValue())) {
      out.add(
          new SchemaValidator.Violation(
              key, "has " + map.size() + " keys; " + keyword + " is " + bound, map.origin()));
    }
  }

  static String join(String key, String child) {
    return key.isEmpty() ? child : key + "." + child;
  }
}
