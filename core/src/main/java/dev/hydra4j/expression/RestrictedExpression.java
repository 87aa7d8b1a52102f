package dev.hydra4j.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * One expression in a restricted JEXL: comparisons, arithmetic, {@code && || !}, {@code =~},
 * literals and names of variables ({@code training.lr < 0.01}). No assignments, loops, lambdas,
 * object creation, method calls or Java classes, and one expression only (no statements): it reads
 * the variables it is given and can do nothing else. Its types are hydra4j's own, so a caller needs
 * no JEXL (hydra4j-core's copy is relocated inside its jar).
 */
public final class RestrictedExpression {

  /** Shared, thread-safe. */
  private static final JexlEngine ENGINE =
      new JexlBuilder()
          .features(
              new JexlFeatures()
                  .sideEffect(false)
                  .sideEffectGlobal(false)
                  .newInstance(false)
                  .loops(false)
                  .lambda(false)
                  .script(false)
                  .pragma(false)
                  .annotation(false)
                  .importPragma(false)
                  .namespacePragma(false)
                  .methodCall(false)
                  .structuredLiteral(true))
          .permissions(JexlPermissions.RESTRICTED)
          .strict(true)
          .safe(false)
          .silent(false)
          .create();

  private final String text;
  private final JexlExpression expression;
  private final List<List<String>> variables;

  private RestrictedExpression(String text, JexlExpression expression) {
    this.text = text;
    this.expression = expression;
    List<List<String>> names = new ArrayList<>();
    if (expression instanceof JexlScript script) {
      script.getVariables().forEach(path -> names.add(List.copyOf(path)));
    }
    this.variables = List.copyOf(names);
  }

  /**
   * Parses {@code text}.
   *
   * @throws ExpressionException of kind {@link ExpressionException.Kind#SYNTAX} when it does not
   *     parse or uses what the language leaves out (an assignment, a method call, …)
   */
  public static RestrictedExpression parse(String text) throws ExpressionException {
    try {
      return new RestrictedExpression(text, ENGINE.createExpression(text));
    } catch (JexlException e) {
      throw new ExpressionException(ExpressionException.Kind.SYNTAX, reason(e), null);
    }
  }

  /** The text it was parsed from. */
  public String text() {
    return text;
  }

  /**
   * Every variable it reads, each as the path of names it is written with ({@code training.lr} is
   * {@code [training, lr]}), in order of first appearance.
   */
  public List<List<String>> variables() {
    return variables;
  }

  /**
   * Its value with these variables (nested maps and lists for dotted names).
   *
   * @throws ExpressionException when a variable or key is undefined, or an operation fails
   *     (comparing text with a number)
   */
  public Object evaluate(Map<String, Object> values) throws ExpressionException {
    try {
      return expression.evaluate(new MapContext(values));
    } catch (JexlException.Variable e) {
      throw new ExpressionException(
          ExpressionException.Kind.UNDEFINED_VARIABLE, reason(e), e.getVariable());
    } catch (JexlException.Property e) {
      throw new ExpressionException(
          ExpressionException.Kind.UNDEFINED_PROPERTY, reason(e), e.getProperty());
    } catch (JexlException e) {
      throw new ExpressionException(ExpressionException.Kind.EVALUATION, reason(e), null);
    }
  }

  /**
   * JEXL's message without its position prefix ({@code Class.method:12@1:5 parsing error in '<'}
   * gives {@code parsing error in '<'}): the prefix names hydra4j's code, not the user's text.
   */
  private static String reason(JexlException e) {
    String message = e.getMessage();
    int at = message.indexOf(' ');
    return message.contains("@") && at > 0 ? message.substring(at + 1) : message;
  }

  @Override
  public String toString() {
    return text;
  }
}
