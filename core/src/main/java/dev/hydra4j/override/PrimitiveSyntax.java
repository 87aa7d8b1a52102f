package dev.hydra4j.override;

import java.math.BigInteger;

/**
 * Number literals as Python writes them, which is what Hydra's grammar accepts: {@code 1_000},
 * {@code +5}, {@code .5}, {@code 5.}, {@code 1e-3}, {@code inf}, {@code nan} (case-insensitive).
 * {@code 1___0} and {@code 0x10} are strings (ovr-0025, ovr-0514). Scanners return the end of the
 * longest match, or {@code start} when nothing matches.
 */
final class PrimitiveSyntax {

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private PrimitiveSyntax() {}

  /** A decimal integer literal: nonzero digit then {@code _?digit}*, or zeros only. */
  static int intEnd(String s, int start) {
    int i = signEnd(s, start);
    if (i >= s.length() || !isDigit(s.charAt(i))) {
      return start;
    }
    if (s.charAt(i) == '0') {
      int j = i + 1;
      while (j < s.length()) {
        if (s.charAt(j) == '0') {
          j++;
        } else if (s.charAt(j) == '_' && j + 1 < s.length() && s.charAt(j + 1) == '0') {
          j += 2;
        } else {
          break;
        }
      }
      return j;
    }
    return digitPartEnd(s, i);
  }

  static int floatEnd(String s, int start) {
    int i = signEnd(s, start);
    if (s.regionMatches(true, i, "inf", 0, 3) || s.regionMatches(true, i, "nan", 0, 3)) {
      return i + 3;
    }
    int intEnd = digitPartEnd(s, i);
    boolean hasInt = intEnd > i;
    int mantissaEnd = intEnd;
    int end = start;
    if (mantissaEnd < s.length() && s.charAt(mantissaEnd) == '.') {
      int fractionEnd = digitPartEnd(s, mantissaEnd + 1);
      if (!hasInt && fractionEnd == mantissaEnd + 1) {
        return start; // a lone '.'
      }
      mantissaEnd = fractionEnd;
      end = mantissaEnd;
    } else if (!hasInt) {
      return start;
    }
    if (mantissaEnd < s.length()
        && (s.charAt(mantissaEnd) == 'e' || s.charAt(mantissaEnd) == 'E')) {
      int j = signEnd(s, mantissaEnd + 1);
      int exponentEnd = digitPartEnd(s, j);
      if (exponentEnd > j) {
        end = exponentEnd;
      }
    }
    return end;
  }

  /** The value of an INT token: Long, or BigInteger when it does not fit. */
  static Number intValue(String text) {
    String digits = stripForParse(text);
    // Up to 18 digits always fit a long; skip BigInteger on the common path.
    return digits.length() <= 18
        ? (Number) Long.parseLong(digits)
        : integer(new BigInteger(digits));
  }

  static Number integer(BigInteger value) {
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0
        ? (Number) value.longValue()
        : value;
  }

  /** The value of a FLOAT token. */
  static double floatValue(String text) {
    String body = stripForParse(text);
    boolean negative = body.startsWith("-");
    String magnitude = negative ? body.substring(1) : body;
    double value;
    if (magnitude.equalsIgnoreCase("inf") || magnitude.equalsIgnoreCase("infinity")) {
      value = Double.POSITIVE_INFINITY;
    } else if (magnitude.equalsIgnoreCase("nan")) {
      value = Double.NaN;
    } else {
      value = Double.parseDouble(magnitude);
    }
    return negative ? -value : value;
  }

  /** Python's {@code int(str)}: surrounding whitespace, sign, digits with single '_'. */
  static Number parsePythonInt(String text) {
    String s = text.strip();
    int i = signEnd(s, 0);
    if (i < s.length() && isDigit(s.charAt(i)) && digitPartEnd(s, i) == s.length()) {
      return integer(new BigInteger(stripForParse(s)));
    }
    return null;
  }

  /** Python's {@code float(str)}, or {@code null} when Python would raise ValueError. */
  static Double parsePythonFloat(String text) {
    String s = text.strip();
    int i = signEnd(s, 0);
    if (s.regionMatches(true, i, "infinity", 0, 8) && i + 8 == s.length()) {
      return floatValue(s);
    }
    boolean valid =
        s.length() > i
            && (floatEnd(s, 0) == s.length()
                || (isDigit(s.charAt(i)) && digitPartEnd(s, i) == s.length()));
    return valid ? floatValue(s) : null;
  }

  private static String stripForParse(String text) {
    String s = text.replace("_", "");
    return s.startsWith("+") ? s.substring(1) : s;
  }

  private static int signEnd(String s, int i) {
    return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
  }

  /** {@code digit (_? digit)*}: the end, or {@code i} when no digit is at {@code i}. */
  private static int digitPartEnd(String s, int i) {
    if (i >= s.length() || !isDigit(s.charAt(i))) {
      return i;
    }
    int j = i + 1;
    while (j < s.length()) {
      if (isDigit(s.charAt(j))) {
        j++;
      } else if (s.charAt(j) == '_' && j + 1 < s.length() && isDigit(s.charAt(j + 1))) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
