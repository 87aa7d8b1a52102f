package dev.hydra4j.config;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PyYAML's YAML 1.1 implicit typing of plain scalars, in the two flavours Hydra goes through:
 * OmegaConf's loader (adds floats without a dot such as {@code 1e-5}, drops timestamps) and the
 * dumper OmegaConf prints with (PyYAML's default resolver, timestamps included). The patterns
 * restate PyYAML's documented YAML 1.1 resolvers; {@code y}/{@code n} are not booleans there, and
 * {@code 0o17} is not an int (YAML 1.1 octal is {@code 017}).
 */
final class YamlImplicitTypes {

  /** What a plain scalar's text resolves to. */
  enum Kind {
    NULL,
    BOOL,
    INT,
    FLOAT,
    TIMESTAMP,
    MERGE,
    VALUE,
    STRING
  }

  /** Whose resolver is asked: OmegaConf's loader, or the PyYAML dumper OmegaConf uses. */
  enum Flavour {
    OMEGACONF_LOADER,
    PYYAML_DUMPER
  }

  private static final Set<String> BOOLS =
      Set.of(
          "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
          "on", "On", "ON", "off", "Off", "OFF");
  private static final Set<String> TRUE_WORDS = Set.of("yes", "true", "on");
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  /** Returned by the converters for text they cannot convert. */
  private static final Object NOT_A_NUMBER = new Object();

  private YamlImplicitTypes() {}

  static Kind kind(String text, Flavour flavour) {
    if (NULLS.contains(text)) {
      return Kind.NULL;
    }
    if (BOOLS.contains(text)) {
      return Kind.BOOL;
    }
    if (text.equals("<<")) {
      return Kind.MERGE;
    }
    if (text.equals("=")) {
      return Kind.VALUE;
    }
    char first = text.charAt(0);
    // Cheap rejection: every number and timestamp starts with one of these characters.
    if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))) {
      return Kind.STRING;
    }
    boolean omegaConf = flavour == Flavour.OMEGACONF_LOADER;
    if (Patterns.FLOAT.matcher(text).matches()
        || (omegaConf && Patterns.FLOAT_NO_DOT.matcher(text).matches())) {
      return Kind.FLOAT;
    }
    if (Patterns.INT.matcher(text).matches()) {
      return Kind.INT;
    }
    if (flavour == Flavour.PYYAML_DUMPER && Patterns.TIMESTAMP.matcher(text).matches()) {
      return Kind.TIMESTAMP;
    }
    return Kind.STRING;
  }

  /**
   * The value of a plain scalar read by OmegaConf's loader. Texts PyYAML matches but then fails to
   * convert ({@code 0b_}, {@code ._}) and the tags SafeLoader cannot construct ({@code =}, a {@code
   * <<} value) stay strings instead of crashing as they do in Python.
   */
  static Object plainValue(String text) {
    Object value =
        switch (kind(text, Flavour.OMEGACONF_LOADER)) {
          case NULL -> null;
          case BOOL -> TRUE_WORDS.contains(text.toLowerCase(java.util.Locale.ROOT));
          case INT -> toInt(text);
          case FLOAT -> toFloat(text);
          default -> text;
        };
    return value == NOT_A_NUMBER ? text : value;
  }

  /** PyYAML's int construction: {@code _} dropped, 0b/0x/leading-0 octal, base-60 {@code a:b}. */
  static Object toInt(String text) {
    String value = text.replace("_", "");
    int sign = 1;
    if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
      sign = value.charAt(0) == '-' ? -1 : 1;
      value = value.substring(1);
    }
    if (value.isEmpty()) {
      return NOT_A_NUMBER;
    }
    try {
      BigInteger magnitude;
      if (value.equals("0")) {
        magnitude = BigInteger.ZERO;
      } else if (value.startsWith("0b")) {
        magnitude = new BigInteger(value.substring(2), 2);
      } else if (value.startsWith("0x")) {
        magnitude = new BigInteger(value.substring(2), 16);
      } else if (value.startsWith("0")) {
        magnitude = new BigInteger(value, 8);
      } else if (value.indexOf(':') >= 0) {
        magnitude = BigInteger.ZERO;
        for (String digit : value.split(":")) {
          magnitude = magnitude.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
        }
      } else {
        magnitude = new BigInteger(value);
      }
      BigInteger result = sign < 0 ? magnitude.negate() : magnitude;
      return result.bitLength() < 64 ? (Object) result.longValue() : result;
    } catch (NumberFormatException e) {
      return NOT_A_NUMBER;
    }
  }

  /** PyYAML's float construction: {@code _} dropped, {@code .inf}/{@code .nan}, base 60. */
  static Object toFloat(String text) {
    String value = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    double sign = 1;
    if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
      sign = value.charAt(0) == '-' ? -1 : 1;
      value = value.substring(1);
    }
    // "inf"/"nan" without the dot only arrive through an explicit !!float tag, where
    // PyYAML hands them to Python's float(), which accepts them.
    if (value.equals(".inf") || value.equals("inf") || value.equals("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (value.equals(".nan") || value.equals("nan")) {
      return Double.NaN;
    }
    try {
      if (value.indexOf(':') >= 0) {
        // Summed from the last digit up, in PyYAML's order, so rounding matches.
        String[] digits = value.split(":");
        double total = 0;
        double base = 1;
        for (int i = digits.length - 1; i >= 0; i--) {
          total += Double.parseDouble(digits[i]) * base;
          base *= 60;
        }
        return sign * total;
      }
      if (!isPythonFloatLiteral(value)) {
        return NOT_A_NUMBER;
      }
      return sign * Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return NOT_A_NUMBER;
    }
  }

  /** Guards Java's parser, which accepts forms Python's float() does not (e.g. {@code 1d}). */
  private static boolean isPythonFloatLiteral(String value) {
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != 'e' && c != '-' && c != '+') {
        return false;
      }
    }
    return digit;
  }

  /** Booleans by explicit tag ({@code !!bool}), which PyYAML looks up case-insensitively. */
  static Boolean toBool(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (TRUE_WORDS.contains(lower)) {
      return true;
    }
    return Set.of("no", "false", "off").contains(lower) ? false : null;
  }

  static boolean isNotANumber(Object converted) {
    return converted == NOT_A_NUMBER;
  }

  /** Compiled on first use of a numeric-looking scalar, not at class load. */
  private static final class Patterns {
    static final Pattern INT =
        Pattern.compile(
            "[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+"
                + "|[1-9][0-9_]*(?::[0-5]?[0-9])+)");
    static final Pattern FLOAT =
        Pattern.compile(
            "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                + "|[-+]?\\.(?:inf|Inf|INF)"
                + "|\\.(?:nan|NaN|NAN)");
    // OmegaConf's extra float forms: an exponent without a dot, an unsigned exponent
    // after a dot, and a leading-dot form that allows '_' right after the dot.
    static final Pattern FLOAT_NO_DOT =
        Pattern.compile(
            "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?");
    static final Pattern TIMESTAMP =
        Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}"
                + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
                + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");
  }
}
