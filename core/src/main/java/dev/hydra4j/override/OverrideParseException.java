package dev.hydra4j.override;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;

/**
 * An override the grammar rejects, or whose functions cannot be evaluated. It knows the override
 * text and the column of the failing character, and renders them as the override on one line with a
 * {@code ^} under that character.
 */
public final class OverrideParseException extends ConfigException {

  private final String input;
  private final int column;

  /**
   * @param column 1-based; {@code input.length() + 1} points just past the end
   */
  OverrideParseException(String message, String input, int column, String hint) {
    super(message, Origin.ofOverride(input).at(1, column), hint);
    this.input = input;
    this.column = column;
  }

  /** The whole override as the user wrote it. */
  public String input() {
    return input;
  }

  /** 1-based column of the failing character; one past the end for a truncated override. */
  public int column() {
    return column;
  }

  @Override
  public String detail() {
    StringBuilder caret = new StringBuilder("  ");
    // Copy tabs so the caret lines up under the same character in a terminal.
    for (int i = 0; i < column - 1 && i < input.length(); i++) {
      caret.append(input.charAt(i) == '\t' ? '\t' : ' ');
    }
    caret.append('^');
    return "  " + input + "\n" + caret;
  }
}
