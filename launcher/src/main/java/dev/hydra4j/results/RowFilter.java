package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.expression.ExpressionException;
import dev.hydra4j.expression.RestrictedExpression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code collect --filter}: a condition over a row's columns, a {@link RestrictedExpression} as the
 * sweep filter's ({@code dev.hydra4j.sweep.JobFilter}) — comparisons, arithmetic, {@code && || !},
 * {@code =~}, no side effects, no method calls. Dotted column names read as nested keys ({@code
 * training.lr < 0.01}); its messages talk about columns, not config keys.
 *
 * <p>Every name in the condition must be a column; a row that lacks a value the condition compares
 * (a failed job has no metrics) does not match.
 */
final class RowFilter {

  private final String text;
  private final RestrictedExpression expression;
  private int evaluated;
  private ExpressionException firstError;

  private RowFilter(String text, RestrictedExpression expression) {
    this.text = text;
    this.expression = expression;
  }

  /**
   * Compiles {@code text} and checks every name in it against {@code columns}.
   *
   * @throws ConfigException when it does not parse or names an unknown column
   */
  static RowFilter compile(String text, List<String> columns) {
    RestrictedExpression expression;
    try {
      expression = RestrictedExpression.parse(text);
    } catch (ExpressionException e) {
      throw new ConfigException(
          "Cannot parse the filter '" + text + "': " + e.reason(),
          Origin.of("--filter " + text),
          "write a condition over columns, e.g. --filter 'mAP50 > 0.5 && status == \"COMPLETED\"'");
    }
    for (List<String> variable : expression.variables()) {
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
    return new RowFilter(text, expression);
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
      result = expression.evaluate(nested(row));
    } catch (ExpressionException e) {
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
          "The filter '" + text + "' failed on every job: " + firstError.reason(),
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
}
