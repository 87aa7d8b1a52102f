package dev.hydra4j.config;

/**
 * Which YAML styles can carry a scalar's text, decided character by character as PyYAML's emitter
 * does (with {@code allow_unicode=True}): indicators that would change the meaning of a plain
 * scalar, line breaks, leading or trailing spaces, and characters only a double-quoted scalar can
 * escape. Text is handled as code points, as Python does.
 */
@SuppressWarnings("ArrayRecordComponent") // never compared; the emitter indexes code points
record ScalarAnalysis(
    int[] codePoints,
    boolean empty,
    boolean multiline,
    boolean allowBlockPlain,
    boolean allowSingleQuoted) {

  static ScalarAnalysis of(String text) {
    int[] cps = text.codePoints().toArray();
    int n = cps.length;
    if (n == 0) {
      return new ScalarAnalysis(cps, true, false, true, true);
    }
    boolean blockIndicators = text.startsWith("---") || text.startsWith("...");
    boolean lineBreaks = false;
    boolean special = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean precededByWhitespace = true;
    boolean followedByWhitespace = n == 1 || isWhitespace(cps[1]);
    boolean previousSpace = false;
    boolean previousBreak = false;
    for (int i = 0; i < n; i++) {
      int ch = cps[i];
      if (i == 0) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
          blockIndicators = true;
        }
        if ((ch == '?' || ch == ':' || ch == '-') && followedByWhitespace) {
          blockIndicators = true;
        }
      } else if ((ch == ':' && followedByWhitespace) || (ch == '#' && precededByWhitespace)) {
        blockIndicators = true;
      }
      boolean isBreak = isBreak(ch);
      if (isBreak) {
        lineBreaks = true;
      }
      if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E)) && !isPrintableUnicode(ch)) {
        special = true;
      }
      if (ch == ' ') {
        leadingSpace |= i == 0;
        trailingSpace |= i == n - 1;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak) {
        leadingBreak |= i == 0;
        trailingBreak |= i == n - 1;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isWhitespace(ch);
      followedByWhitespace = i + 2 >= n || isWhitespace(cps[i + 2]);
    }
    boolean plain =
        !(leadingSpace
            || leadingBreak
            || trailingSpace
            || trailingBreak
            || breakSpace
            || spaceBreak
            || special
            || lineBreaks
            || blockIndicators);
    boolean single = !(breakSpace || spaceBreak || special);
    return new ScalarAnalysis(cps, false, lineBreaks, plain, single);
  }

  /** Characters PyYAML writes as they are when {@code allow_unicode} is on. */
  private static boolean isPrintableUnicode(int ch) {
    return (ch == 0x85
            || (ch >= 0xA0 && ch <= 0xD7FF)
            || (ch >= 0xE000 && ch <= 0xFFFD)
            || (ch >= 0x10000 && ch < 0x10FFFF))
        && ch != 0xFEFF;
  }

  static boolean isBreak(int ch) {
    return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
  }

  private static boolean isWhitespace(int ch) {
    return ch == 0 || ch == ' ' || ch == '\t' || ch == '\r' || isBreak(ch);
  }
}
