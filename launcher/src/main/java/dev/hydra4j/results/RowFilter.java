package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;

/**
 * {@code collect --filter}: a condition over a row's columns in the same restricted JEXL as the
 * sweep filter ({@code dev.hydra4j.sweep.JobFilter}) — comparisons, arithmetic, {@code && || !},
 * {@code =~}, no side effects, no method calls. Dotted column names read as nested keys ({@code
 * training.lr < 0.01}), with the same restrictions as sweep filters ({@link RowJexl}); its messages
 * talk about columns, not config keys.
 *
 * <p>Every name in the condition must be a column; a row that lacks a value the condition compares
 * (a failed job has no metrics) does not match.
 */
final class RowFilter {

  private static final JexlEngine ENGINE = RowJexl.ENGINE;

  private final String text;
  private final JexlScript script;
  private int evaluated;
  private JexlException firstError;

  private RowFilter(String text, JexlScript script) {
    this.text = text;
    this.script = script;
  }

  /**
   * Compiles {@code text} and checks every name in it against {@code columns}.
   *
   * @throws ConfigException when it does not parse or names an unknown column
   */
  static RowFilter compile(String text, List<String> columns) {
    JexlScript script;
    try {
      script = ENGINE.createScript(text);
    } catch (JexlException e) {
      throw new ConfigException(
          "Cannot parse the filter '" + text + "': " + reason(e),
          Origin.of("--filter " + text),
          "write a condition over columns, e.g. --filter 'mAP50 > 0.5 && status == \"COMPLETED\"'");
    }
    for (List<String> variable : script.getVariables()) {
      if (!names(variable, columns)) {
        throw new ConfigException(
            "The filter '"
                + text
                + "' names '"
                + String.join(".", variable)
                + "', which is not a column",
            Origin.of("--filter " + text),
            "columns: " + String.join(", ", columns));
      }
    }
    return new RowFilter(text, script);
  }

  private static boolean names(List<String> variable, List<String> columns) {
    StringBuilder path = new StringBuilder();
    for (String segment : variable) {
      path.append(path.length() == 0 ? "" : ".").append(segment);
      if (columns.contains(path.toString())) {
        return true;
      }
    }
    String prefix = path + ".";
    return columns.stream().anyMatch(c -> c.startsWith(prefix));
  }

  /** Whether the row with these column values is kept. */
  boolean test(Map<String, Object> row) {
    Object result;
    try {
      result = script.execute(new MapContext(nested(row)));
    } catch (JexlException e) {
      if (firstError == null) {
        firstError = e;
      }
      return false;
    }
    evaluated++;
    if (result instanceof Boolean b) {
      return b;
    }
    throw new ConfigException(
        "The filter '" + text + "' gave " + result + ", not true/false",
        Origin.of("--filter " + text),
        "use a comparison, e.g. mAP50 > 0.5");
  }

  /**
   * Throws the first evaluation error when no row could be evaluated at all: then the condition
   * itself is wrong (comparing text with a number), not a row's missing value.
   */
  void checkUsable(int rows) {
    if (rows > 0 && evaluated == 0 && firstError != null) {
      throw new ConfigException(
          "The filter '" + text + "' failed on every job: " + reason(firstError),
          Origin.of("--filter " + text),
          "compare numbers with numbers and text with quoted text, e.g. status == \"FAILED\"");
    }
  }

  private static Map<String, Object> nested(Map<String, Object> row) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      root.putIfAbsent(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Object> e : row.entrySet()) {
      String[] parts = e.getKey().split("\\.");
      if (parts.length < 2) {
        continue;
      }
      Map<String, Object> at = root;
      for (int i = 0; i < parts.length - 1 && at != null; i++) {
        Object next = at.get(parts[i]);
        if (next == null && !at.containsKey(parts[i])) {
          next = new LinkedHashMap<String, Object>();
          at.put(parts[i], next);
        }
        at = next instanceof Map<?, ?> ? cast(next) : null;
      }
      if (at != null) {
        at.put(parts[parts.length - 1], e.getValue());
      }
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }

  private static String reason(JexlException e) {
    String message = e.getMessage();
    int at = message.indexOf(' ');
    return message.contains("@") && at > 0 ? message.substring(at + 1) : message;
  }
}
