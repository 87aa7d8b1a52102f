package dev.hydra4j.override;

/**
 * A function in an override could not be evaluated (bad argument, failed cast). The parser turns it
 * into an {@link OverrideParseException} pointing at the call.
 */
final class FunctionError extends RuntimeException {

  private final String hint;
  private final int column;

  FunctionError(String message, String hint) {
    this(message, hint, 0);
  }

  /**
   * @param column 1-based column of the argument at fault, or 0 for the call itself
   */
  FunctionError(String message, String hint, int column) {
    super(message, null, false, false);
    this.hint = hint;
    this.column = column;
  }

  int column() {
    return column;
  }

  String hint() {
    return hint;
  }
}
