package dev.hydra4j.override;

/**
 * Reading quoted values. Inside quotes only backslashes in front of a quote mean anything: a run of
 * 2n backslashes before a quote stands for n backslashes (and the quote closes), 2n+1 for n
 * backslashes and a literal quote. Other backslashes are kept as they are, so Windows paths need no
 * doubling (ovr-0175, ovr-0179).
 */
final class QuotedText {

  private QuotedText() {}

  /** Index just past the closing quote of the value opening at {@code start}, or -1. */
  static int closingEnd(String input, int start) {
    char quote = input.charAt(start);
    int i = start + 1;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c == '\\') {
        int run = backslashRun(input, i);
        i += run;
        if (i < input.length() && input.charAt(i) == quote && run % 2 == 1) {
          i++; // an escaped quote
        }
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The string a complete quoted token (quotes included) stands for. */
  static QuotedString unescape(String token) {
    char quote = token.charAt(0);
    String body = token.substring(1, token.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\\') {
        int run = backslashRun(body, i);
        i += run;
        boolean beforeQuote = i == body.length() || body.charAt(i) == quote;
        out.append("\\".repeat(beforeQuote ? run / 2 : run));
        if (i < body.length() && body.charAt(i) == quote) {
          out.append(quote);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return new QuotedString(out.toString(), quote);
  }

  private static int backslashRun(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) == '\\') {
      end++;
    }
    return end - from;
  }
}
