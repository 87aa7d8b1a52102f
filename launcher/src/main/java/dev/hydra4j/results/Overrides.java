package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.override.Element;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A job's override lines as parameters: key to typed value, read with Hydra's grammar. */
final class Overrides {

  private Overrides() {}

  /**
   * {@code training.lr=0.01} gives {@code training.lr → 0.01} (a Double), {@code experiment=exp_25}
   * gives {@code experiment → "exp_25"}. Lists and dicts keep their override text; a deletion
   * {@code ~key} gives the text {@code "~"}. Overrides of hydra4j's own settings ({@code
   * hydra.sweep.dir=…}, {@code hydra/launcher=slurm}) are not parameters of the task and are left
   * out, as Hydra keeps them apart from the task's.
   */
  static Map<String, Object> params(List<String> lines) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (String line : lines) {
      Param param = PARSED.get(line);
      if (param == null) {
        param = param(line);
        if (PARSED.size() < MAX_PARSED) {
          PARSED.put(line, param);
        }
      }
      if (param.key() != null) {
        params.put(param.key(), param.value());
      }
    }
    return params;
  }

  /** One line's parameter; {@link #NONE} (no key) when the line sets none. */
  private record Param(String key, Object value) {}

  private static final Param NONE = new Param(null, null);

  /**
   * Each distinct line's parameter, shared by all jobs: a sweep's jobs repeat most of their lines
   * (hydra's settings, the values of all but one key), and parsing each again was a tenth of a
   * large {@code collect}. The values are immutable; the size is bounded for long-lived processes.
   */
  private static final Map<String, Param> PARSED = new ConcurrentHashMap<>();

  private static final int MAX_PARSED = 10_000;

  private static Param param(String line) {
    try {
      ParsedOverride parsed = OverrideParser.parse(line);
      if (parsed.key().isEmpty() || parsed.isSweep() || isHydra(parsed.key())) {
        return NONE;
      }
      return new Param(
          parsed.keyWithPackage(), parsed.value() == null ? "~" : plain(parsed.element()));
    } catch (ConfigException | IllegalStateException e) {
      int eq = line.indexOf('=');
      if (eq > 0 && !isHydra(line.substring(0, eq).replaceFirst("^[+~]+", ""))) {
        return new Param(
            line.substring(0, eq).replaceFirst("^[+~]+", ""),
            MetricValues.parse(line.substring(eq + 1)));
      }
      return NONE;
    }
  }

  private static boolean isHydra(String key) {
    return key.equals("hydra") || key.startsWith("hydra.") || key.startsWith("hydra/");
  }

  private static Object plain(Element element) {
    Object value = element.value();
    if (value == null) {
      return "null";
    }
    if (value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof String) {
      return value;
    }
    return element.canonical();
  }
}
