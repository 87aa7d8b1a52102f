package dev.hydra4j.expression;

/**
 * Why a {@link RestrictedExpression} could not be parsed or evaluated; callers turn it into a
 * message about their own input (a sweep's config keys, {@code collect}'s columns).
 */
public final class ExpressionException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The text does not parse, or uses what the language leaves out. */
    SYNTAX,
    /** A top-level name has no value. */
    UNDEFINED_VARIABLE,
    /** A key below a name ({@code db.nope}, {@code list[5]}) has no value. */
    UNDEFINED_PROPERTY,
    /** An operation failed, e.g. comparing text with a number. */
    EVALUATION
  }

  private final Kind kind;
  private final String name;

  ExpressionException(Kind kind, String reason, String name) {
    super(reason);
    this.kind = kind;
    this.name = name;
  }

  public Kind kind() {
    return kind;
  }

  /** The undefined variable or key, or {@code null} for the other kinds. */
  public String name() {
    return name;
  }

  /** What went wrong and where in the text, e.g. {@code parsing error in '<'}. */
  public String reason() {
    return getMessage();
  }
}
