package dev.hydra4j.interpolate;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Types an unquoted word the way OmegaConf's grammar does: integers and floats (with {@code _}
 * between digits), case-insensitive {@code true}/{@code false}/{@code null}, {@code inf}/{@code
 * nan}. Anything else stays a string; note that {@code None} is a string.
 */
final class Primitive {

  private static final String DIGITS = "[0-9](?:_?[0-9])*";
  private static final Pattern INT = Pattern.compile("[+-]?(?:0|[1-9](?:_?[0-9])*)");
  private static final String POINT = "(?:(?:" + DIGITS + ")?\\." + DIGITS + "|" + DIGITS + "\\.)";
  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?(?:" + POINT + "|(?:" + DIGITS + "|" + POINT + ")[eE][+-]?" + DIGITS + ")");
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("[+-]?(?:inf|nan)", Pattern.CASE_INSENSITIVE);

  private Primitive() {}

  /** The typed value of {@code word} (already trimmed), or the word itself. */
  static Object typed(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "null":
        return null;
      case "true":
        return true;
      case "false":
        return false;
      default:
        break;
    }
    if (INT.matcher(word).matches()) {
      BigInteger value = new BigInteger(word.replace("_", "").replace("+", ""));
      return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
    if (FLOAT.matcher(word).matches()) {
      return Double.parseDouble(word.replace("_", ""));
    }
    if (SPECIAL_FLOAT.matcher(word).matches()) {
      boolean negative = word.startsWith("-");
      if (lower.endsWith("nan")) {
        return Double.NaN;
      }
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return word;
  }
}
