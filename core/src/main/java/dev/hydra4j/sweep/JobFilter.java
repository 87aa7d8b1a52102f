package dev.hydra4j.sweep;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.expression.ExpressionException;
import dev.hydra4j.expression.RestrictedExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A predicate over a job's config written as a {@link RestrictedExpression}: comparisons,
 * arithmetic, {@code && || !}, {@code =~} and the config's keys ({@code training.lr < 0.01}). No
 * assignments, loops, object creation or method calls — a filter reads values and can do nothing
 * else.
 */
public final class JobFilter {

  private final String text;
  private final RestrictedExpression expression;

  private JobFilter(String text, RestrictedExpression expression) {
    this.text = text;
    this.expression = expression;
  }

  public static JobFilter compile(String text) {
    try {
      return new JobFilter(text, RestrictedExpression.parse(text));
    } catch (ExpressionException e) {
      throw new ConfigException(
          "Cannot parse the filter '" + text + "': " + e.reason(),
          Origin.of("--filter " + text),
          "write a condition over config keys, e.g. --filter 'training.lr < 0.01 &&"
              + " experiment.name != \"person_25\"'");
    }
  }

  /** Whether the job with this (resolved) config is kept. */
  public boolean test(ConfigMap config) {
    Map<String, Object> values = toPlain(config);
    requireKeys(values);
    Object result;
    try {
      result = expression.evaluate(values);
    } catch (ExpressionException e) {
      throw switch (e.kind()) {
        case UNDEFINED_VARIABLE ->
            new ConfigException(
                "The filter '"
                    + text
                    + "' names '"
                    + e.name()
                    + "', which is not in the job's config",
                Origin.of("--filter " + text),
                "top-level keys: " + String.join(", ", config.keys()));
        case UNDEFINED_PROPERTY ->
            new ConfigException(
                "The filter '"
                    + text
                    + "' names the key '"
                    + e.name()
                    + "', which is not in the job's config",
                Origin.of("--filter " + text),
                "check the key with: hydra4j --cfg job");
        case SYNTAX, EVALUATION ->
            new ConfigException(
                "The filter '" + text + "' failed: " + e.reason(),
                Origin.of("--filter " + text),
                null);
      };
    }
    if (result instanceof Boolean b) {
      return b;
    }
    throw new ConfigException(
        "The filter '" + text + "' gave " + result + ", not true/false",
        Origin.of("--filter " + text),
        "use a comparison, e.g. training.epochs > 10");
  }

  /**
   * Every key path the filter reads must be in the config. JEXL itself reads a missing map key as
   * null, and {@code db.nope > 1} would fail with "null operand" or, worse, {@code db.nope != 1}
   * would be silently true.
   */
  private void requireKeys(Map<String, Object> values) {
    for (List<String> path : expression.variables()) {
      Object at = values;
      StringBuilder seen = new StringBuilder();
      for (String segment : path) {
        Object next = null;
        boolean found = false;
        if (at instanceof Map<?, ?> map && map.containsKey(segment)) {
          next = map.get(segment);
          found = true;
        } else if (at instanceof List<?> list
            && segment.matches("\\d{1,9}")
            && Integer.parseInt(segment) < list.size()) {
          next = list.get(Integer.parseInt(segment));
          found = true;
        }
        String key = seen.length() == 0 ? segment : seen + "." + segment;
        if (!found) {
          throw new ConfigException(
              "The filter '" + text + "' names '" + key + "', which is not in the job's config",
              Origin.of("--filter " + text),
              at instanceof Map<?, ?> map
                  ? (seen.length() == 0 ? "top-level keys: " : "keys of '" + seen + "': ")
                      + String.join(", ", map.keySet().stream().map(String::valueOf).toList())
                  : "'" + seen + "' is not a mapping; check the key with: hydra4j --cfg job");
        }
        seen.setLength(0);
        seen.append(key);
        at = next;
      }
    }
  }

  private static Map<String, Object> toPlain(ConfigMap map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.entries().forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  private static Object plain(ConfigNode node) {
    if (node instanceof ConfigMap m) {
      return toPlain(m);
    }
    if (node instanceof ConfigList l) {
      List<Object> out = new ArrayList<>();
      l.items().forEach(i -> out.add(plain(i)));
      return out;
    }
    return ((ConfigValue) node).value();
  }
}
