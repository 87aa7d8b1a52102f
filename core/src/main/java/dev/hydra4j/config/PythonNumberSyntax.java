package dev.hydra4j.config;

/**
 * Whether Python's {@code int(s)} or {@code float(s)} would accept a string. OmegaConf
 * single-quotes every string they accept when it prints YAML, so {@code '1e3'}, {@code 'inf'} and
 * {@code '08'} come out quoted although YAML 1.1 would read them as strings. Python's rules:
 * surrounding whitespace is ignored, one sign, any Unicode decimal digits, single underscores
 * between digits; float() also takes inf, infinity and nan in any case.
 */
final class PythonNumberSyntax {

  private PythonNumberSyntax() {}

  static boolean isInt(String text) {
    int[] cps = stripped(text);
    int i = sign(cps, 0);
    int end = digitPart(cps, i);
    return end > i && end == cps.length;
  }

  static boolean isFloat(String text) {
    int[] cps = stripped(text);
    int i = sign(cps, 0);
    String rest = new String(cps, i, cps.length - i).toLowerCase(java.util.Locale.ROOT);
    if (rest.equals("inf") || rest.equals("infinity") || rest.equals("nan")) {
      return true;
    }
    int intEnd = digitPart(cps, i);
    boolean digits = intEnd > i;
    int pos = intEnd;
    if (pos < cps.length && cps[pos] == '.') {
      int fracEnd = digitPart(cps, pos + 1);
      digits |= fracEnd > pos + 1;
      pos = fracEnd;
    }
    if (!digits) {
      return false;
    }
    if (pos < cps.length && (cps[pos] == 'e' || cps[pos] == 'E')) {
      int expStart = sign(cps, pos + 1);
      int expEnd = digitPart(cps, expStart);
      if (expEnd == expStart) {
        return false;
      }
      pos = expEnd;
    }
    return pos == cps.length;
  }

  /** The end of a run of digits with single underscores between them, starting at i. */
  private static int digitPart(int[] cps, int i) {
    int end = i;
    while (end < cps.length && isDigit(cps[end])) {
      end++;
      if (end + 1 < cps.length && cps[end] == '_' && isDigit(cps[end + 1])) {
        end++;
      }
    }
    return end;
  }

  private static int sign(int[] cps, int i) {
    return i < cps.length && (cps[i] == '+' || cps[i] == '-') ? i + 1 : i;
  }

  private static boolean isDigit(int cp) {
    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
  }

  private static int[] stripped(String text) {
    int[] cps = text.codePoints().toArray();
    int start = 0;
    int end = cps.length;
    while (start < end && isPythonSpace(cps[start])) {
      start++;
    }
    while (end > start && isPythonSpace(cps[end - 1])) {
      end--;
    }
    return java.util.Arrays.copyOfRange(cps, start, end);
  }

  /** Python's str.isspace(), which also counts no-break spaces and a few separators. */
  static boolean isPythonSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D)
        || (cp >= 0x1C && cp <= 0x20)
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }
}
