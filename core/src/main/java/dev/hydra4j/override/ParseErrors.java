package dev.hydra4j.override;

import dev.hydra4j.override.Token.Kind;

/** The wording of grammar errors in override values, kept apart from the parsing logic. */
final class ParseErrors {

  private ParseErrors() {}

  /** Something other than ',' or the end follows a complete value. */
  static OverrideParseException afterValue(String input, Token t) {
    switch (t.kind()) {
      case BRACKET_CLOSE:
        return at(
            input,
            t,
            "Unexpected ']': a list was closed that was never opened",
            "remove the ']', or escape it as \\] if it belongs to a string");
      case BRACE_CLOSE:
        return at(
            input,
            t,
            "Unexpected '}': a dict was closed that was never opened",
            "remove the '}', or escape it as \\} if it belongs to a string");
      case PCLOSE:
        return at(
            input,
            t,
            "Unexpected ')': no function call is open",
            "remove the ')', or escape it as \\) if it belongs to a string");
      case EQUAL:
        return at(
            input,
            t,
            "Unexpected '=' in the value",
            "escape it as \\= or quote the value, e.g. key='a=b'");
      case POPEN:
        return at(
            input,
            t,
            "Unexpected '(': only a function name like choice or range can be " + "called",
            "escape it as \\( or quote the value if it is a string");
      case WS:
        return at(
            input,
            t,
            "Unexpected whitespace after the value",
            "remove it; whitespace may only follow unquoted text");
      case QUOTED:
        return at(
            input,
            t,
            "A quoted string must be a whole value, not a part of one",
            "quote the whole value, e.g. key='a b c'");
      case BRACE_OPEN:
        if (t.start() > 0
            && input.charAt(t.start() - 1) == '$'
            && t.text().equals("{")
            && t.end() < input.length()
            && input.charAt(t.end()) == '}') {
          return at(input, t, "Empty interpolation '${}'", "name a key inside: ${a.b}");
        }
        if (t.start() > 0 && input.charAt(t.start() - 1) == '$') {
          return at(
              input,
              t,
              "Unclosed interpolation: '${' has no closing '}'",
              "write ${name}, or escape the brace as $\\{ if it is text");
        }
        return at(
            input,
            t,
            "Unexpected '{' after the value",
            "a dict must be the whole value; escape it as \\{ if it is text");
      case BRACKET_OPEN:
        return at(
            input,
            t,
            "Unexpected '[' after the value",
            "a list must be the whole value; escape it as \\[ if it is text");
      case COLON:
        return at(
            input, t, "Unexpected ':' after the value", "escape it as \\: or quote the value");
      default:
        return at(
            input,
            t,
            "Unexpected " + t.describe() + " after the value",
            "escape special characters with \\ or quote the whole value");
    }
  }

  /** An element was expected (at the start, after ',' or ':', as an argument). */
  static OverrideParseException expected(String input, Token t, String what) {
    if (t.is(Kind.EOF)) {
      return at(
          input,
          t,
          "Missing " + what + " at the end of the override",
          what.endsWith("','") ? "remove the trailing ',' or add the value" : null);
    }
    if (t.is(Kind.COMMA)) {
      return at(
          input,
          t,
          "Missing " + what + " before ','",
          "escape the comma as \\, or quote the value if it is part of a string");
    }
    if (t.is(Kind.BRACKET_CLOSE) || t.is(Kind.BRACE_CLOSE) || t.is(Kind.PCLOSE)) {
      return at(
          input,
          t,
          "Missing " + what + " before " + t.describe(),
          "remove the ',' in front of it, if there is one");
    }
    return at(
        input,
        t,
        "Expected " + what + ", found " + t.describe(),
        "escape special characters with \\ or quote the value");
  }

  static OverrideParseException unclosed(String input, Token open, Token found) {
    String opener = open.text().strip();
    String closer = open.is(Kind.BRACKET_OPEN) ? "]" : open.is(Kind.BRACE_OPEN) ? "}" : ")";
    String what =
        open.is(Kind.BRACKET_OPEN) ? "list" : open.is(Kind.BRACE_OPEN) ? "dict" : "argument list";
    int openColumn = open.text().indexOf(opener.charAt(0)) + open.start() + 1;
    if (found.is(Kind.EOF)) {
      return at(
          input,
          found,
          "Unclosed '"
              + opener
              + "': the "
              + what
              + " opened at column "
              + openColumn
              + " is never closed",
          "add the missing '" + closer + "'");
    }
    return at(
        input,
        found,
        "Expected ',' or '"
            + closer
            + "' in the "
            + what
            + " opened at column "
            + openColumn
            + ", found "
            + found.describe(),
        "escape special characters with \\ or quote the element");
  }

  static OverrideParseException badDictKey(String input, Token t) {
    if (t.is(Kind.QUOTED)) {
      return at(
          input,
          t,
          "A dict key cannot be quoted",
          "write the key bare and escape special characters, e.g. {a\\ b: 1}");
    }
    if (t.is(Kind.INTERPOLATION)) {
      return at(input, t, "A dict key cannot be an interpolation", null);
    }
    if (t.is(Kind.COLON)) {
      return at(input, t, "Missing dict key before ':'", "e.g. {a:1}");
    }
    return expected(input, t, "a dict key");
  }

  static OverrideParseException missingColon(String input, Token t, Object key) {
    return at(
        input,
        t,
        "Expected ':' after the dict key " + CanonicalText.scalar(key) + ", found " + t.describe(),
        "dict entries are written key:value, e.g. {a:1,b:2}");
  }

  static OverrideParseException positionalAfterKeyword(String input, Token t) {
    return at(
        input,
        t,
        "A positional argument cannot follow a keyword argument",
        "name this argument too, or move it before the named ones");
  }

  static OverrideParseException unknownFunction(String input, Token name) {
    String closest = closest(name.text());
    String hint =
        closest == null
            ? "quote the value if it is a string, e.g. key='" + name.text() + "(...)'"
            : "did you mean " + closest + "(...)?";
    return at(
        input,
        name,
        "Unknown function '"
            + name.text()
            + "'; the known functions are "
            + String.join(", ", Functions.NAMES),
        hint);
  }

  /** A known function within two edits (ignoring case), for did-you-mean hints. */
  static String closest(String name) {
    String best = null;
    int bestDistance = 3;
    for (String known : Functions.NAMES) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static OverrideParseException at(String input, Token t, String message, String hint) {
    return new OverrideParseException(message, input, firstVisible(input, t) + 1, hint);
  }

  /** Points at the token's first non-blank character: "[1, ]" errs at ']', not the space. */
  private static int firstVisible(String input, Token t) {
    int i = t.start();
    while (i < t.end() && ValueLexer.isWs(input.charAt(i))) {
      i++;
    }
    return i < t.end() ? i : t.start();
  }
}
