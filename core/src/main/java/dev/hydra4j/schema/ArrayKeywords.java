package dev.hydra4j.schema;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.util.List;

/** {@code items}, {@code prefixItems}, item counts and {@code uniqueItems}. */
final class ArrayKeywords {

  private ArrayKeywords() {}

  static void check(
      SchemaValidator validator,
      ConfigMap s,
      ConfigList list,
      String key,
      List<SchemaValidator.Violation> out,
      int depth) {
    // Draft 07 wrote tuples as an array under "items"; 2020-12 as "prefixItems".
    ConfigNode prefix = s.get("prefixItems");
    ConfigNode items = s.get("items");
    if (prefix == null && items instanceof ConfigList tuple) {
      prefix = tuple;
      items = s.get("additionalItems");
    }
    int fixed = prefix instanceof ConfigList p ? Math.min(p.size(), list.size()) : 0;
    for (int i = 0; i < list.size(); i++) {
      ConfigNode schema = i < fixed ? ((ConfigList) prefix).get(i) : items;
      if (schema != null) {
        validator.checkChild(schema, list.get(i), key + "[" + i + "]", out, depth);
      }
    }
    java.math.BigDecimal min = SchemaValidator.number(s.get("minItems"));
    java.math.BigDecimal max = SchemaValidator.number(s.get("maxItems"));
    if (min != null && list.size() < min.intValue()) {
      out.add(
          new SchemaValidator.Violation(
              key, "has " + list.size() + " items; minItems is " + min, list.origin()));
    }
    if (max != null && list.size() > max.intValue()) {
      out.add(
          new SchemaValidator.Violation(
              key, "has " + list.size() + " items; maxItems is " + max, list.origin()));
    }
    if (s.get("uniqueItems") instanceof ConfigValue v && Boolean.TRUE.equals(v.value())) {
      for (int i = 0; i < list.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (SchemaValidator.same(list.get(i), list.get(j))) {
            out.add(
                new SchemaValidator.Violation(
                    key + "[" + i + "]",
                    "repeats item " + j + "; uniqueItems is true",
                    list.get(i).origin()));
          }
        }
      }
    }
  }
}
