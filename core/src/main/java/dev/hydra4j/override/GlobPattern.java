package dev.hydra4j.override;

/**
 * Shell-style name patterns as Python's {@code fnmatch.fnmatchcase} reads them: {@code *} any run,
 * {@code ?} one character, {@code [seq]} / {@code [!seq]} a set with ranges; an unclosed {@code [}
 * is a literal. Case-sensitive, as on Linux.
 */
final class GlobPattern {

  private GlobPattern() {}

  static boolean matches(String pattern, String name) {
    // Iterative matching with one backtrack point for the last '*': linear in practice.
    int p = 0;
    int n = 0;
    int starP = -1;
    int starN = 0;
    while (n < name.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = ++p;
        starN = n;
        continue;
      }
      int step = p < pattern.length() ? matchOne(pattern, p, name.charAt(n)) : -1;
      if (step > 0) {
        p += step;
        n++;
      } else if (starP >= 0) {
        p = starP;
        n = ++starN;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /** Pattern length consumed when the item at {@code p} matches {@code c}, else -1. */
  private static int matchOne(String pattern, int p, char c) {
    char head = pattern.charAt(p);
    if (head == '?') {
      return 1;
    }
    if (head == '[') {
      int close = setEnd(pattern, p);
      if (close > 0) {
        return inSet(pattern, p + 1, close, c) ? close - p + 1 : -1;
      }
    }
    return head == c ? 1 : -1;
  }

  /** Index of the ']' closing the set opened at {@code p}, or -1 (then '[' is literal). */
  private static int setEnd(String pattern, int p) {
    int i = p + 1;
    if (i < pattern.length() && pattern.charAt(i) == '!') {
      i++;
    }
    if (i < pattern.length() && pattern.charAt(i) == ']') {
      i++; // a leading ']' is a member
    }
    int close = pattern.indexOf(']', i);
    return close;
  }

  private static boolean inSet(String pattern, int from, int close, char c) {
    boolean negate = pattern.charAt(from) == '!';
    int i = negate ? from + 1 : from;
    boolean found = false;
    while (i < close) {
      char low = pattern.charAt(i);
      if (i + 2 < close && pattern.charAt(i + 1) == '-') {
        char high = pattern.charAt(i + 2);
        found |= low <= c && c <= high;
        i += 3;
      } else {
        found |= low == c;
        i++;
      }
    }
    return found != negate;
  }
}
