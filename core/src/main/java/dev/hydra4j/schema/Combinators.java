package dev.hydra4j.schema;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import java.util.List;

/** {@code anyOf}, {@code oneOf}, {@code allOf}, {@code not} and {@code if/then/else}. */
final class Combinators {

  private Combinators() {}

  static void check(
      SchemaValidator validator,
      ConfigMap s,
      String name,
      ConfigNode arg,
      ConfigNode value,
      String key,
      List<SchemaValidator.Violation> out,
      int depth) {
    switch (name) {
      case "allOf" -> {
        for (ConfigNode each : ((ConfigList) arg).items()) {
          validator.checkChild(each, value, key, out, depth);
        }
      }
      case "anyOf", "oneOf" -> {
        List<ConfigNode> options = ((ConfigList) arg).items();
        long matching = options.stream().filter(o -> validator.valid(o, value, depth)).count();
        if (matching == 0 && options.size() == 1) {
          validator.checkChild(options.get(0), value, key, out, depth);
        } else if (matching == 0 || (name.equals("oneOf") && matching > 1)) {
          out.add(
              new SchemaValidator.Violation(
                  key,
                  (matching == 0
                          ? "matches none of the "
                              + options.size()
                              + " allowed schemas ("
                              + name
                              + ")"
                          : "matches " + matching + " schemas of a oneOf, not exactly one")
                      + ", got "
                      + SchemaValidator.describe(value),
                  value.origin()));
        }
      }
      case "not" -> {
        if (validator.valid(arg, value, depth)) {
          out.add(
              new SchemaValidator.Violation(
                  key,
                  "matches a schema it must not match: " + SchemaValidator.render(arg),
                  value.origin()));
        }
      }
      default -> {
        ConfigNode branch = validator.valid(arg, value, depth) ? s.get("then") : s.get("else");
        if (branch != null) {
          validator.checkChild(branch, value, key, out, depth);
        }
      }
    }
  }
}
