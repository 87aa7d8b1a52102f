package dev.hydra4j.override;

import dev.hydra4j.override.Token.Kind;

/**
 * Splits the value part of an override into tokens. Longest match wins, as in Hydra's lexer, and
 * punctuation swallows the whitespace around it: blanks before a comma, colon, equals sign,
 * parenthesis or closing bracket/brace, and after a comma, colon, equals sign, opening parenthesis
 * or opening bracket/brace. That is why {@code [ 1 , 2 ]} and {@code choice (1,2)} parse, while
 * text after a closing bracket may not start with a blank.
 */
final class ValueLexer {

  /** Characters allowed bare in unquoted values besides letters and digits. */
  static final String UNQUOTED_CHARS = "/-\\+.$%*@?|";

  private final String input;
  private int pos;

  ValueLexer(String input, int from) {
    this.input = input;
    this.pos = from;
  }

  /** Whether {@code text} alone lexes as one int, float, bool or null token. */
  static boolean isSingleTypedToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    ValueLexer lexer = new ValueLexer(text, 0);
    Token first = lexer.tryNext();
    return first != null && first.isTyped() && first.end() == text.length();
  }

  Token next() {
    Token token = tryNext();
    if (token == null) {
      throw badCharacter();
    }
    return token;
  }

  /** The next token, or {@code null} when no token starts at the current position. */
  private Token tryNext() {
    int start = pos;
    if (start >= input.length()) {
      return new Token(Kind.EOF, start, start, "");
    }
    char c = input.charAt(start);
    int end;
    Kind kind;
    if (isWs(c)) {
      int afterWs = skipWs(start);
      Kind absorbing = afterWs < input.length() ? punctuation(input.charAt(afterWs)) : null;
      if (absorbing != null && absorbsLeadingWs(absorbing)) {
        return punctuationToken(start, afterWs, absorbing);
      }
      kind = Kind.WS;
      end = afterWs;
    } else if (punctuation(c) != null) {
      return punctuationToken(start, start, punctuation(c));
    } else if (c == '\'' || c == '"') {
      end = QuotedText.closingEnd(input, start);
      if (end < 0) {
        return null;
      }
      kind = Kind.QUOTED;
    } else if (c == '$' && input.startsWith("${", start) && interpolationEnd(start) > 0) {
      kind = Kind.INTERPOLATION;
      end = interpolationEnd(start);
    } else if (c == '\\'
        && start + 1 < input.length()
        && CanonicalText.ESCAPED_CHARS.indexOf(input.charAt(start + 1)) >= 0) {
      kind = Kind.ESC;
      end = start + 2;
    } else if (isIdStart(c) || isDigit(c) || c == '.' || c == '+' || c == '-') {
      return wordOrNumber(start);
    } else if (UNQUOTED_CHARS.indexOf(c) >= 0) {
      kind = Kind.UNQUOTED_CHAR;
      end = start + 1;
    } else {
      return null;
    }
    pos = end;
    return new Token(kind, start, end, input.substring(start, end));
  }

  /** IDs, keywords and numbers: the longest match wins; on a tie the keyword or number. */
  private Token wordOrNumber(int start) {
    int idEnd = isIdStart(input.charAt(start)) ? idEnd(start) : start;
    int intEnd = PrimitiveSyntax.intEnd(input, start);
    int floatEnd = PrimitiveSyntax.floatEnd(input, start);
    int keywordEnd = keywordEnd(start);
    int best = Math.max(Math.max(idEnd, intEnd), Math.max(floatEnd, keywordEnd));
    Kind kind;
    if (best == start) {
      kind = Kind.UNQUOTED_CHAR; // a lone '.', '+' or '-'
      best = start + 1;
    } else if (best == keywordEnd) {
      kind = keywordKind(start, keywordEnd);
    } else if (best == floatEnd) {
      kind = Kind.FLOAT;
    } else if (best == intEnd) {
      kind = Kind.INT;
    } else {
      kind = Kind.ID;
    }
    pos = best;
    return new Token(kind, start, best, input.substring(start, best));
  }

  private int keywordEnd(int start) {
    for (String word : new String[] {"true", "false", "null"}) {
      if (input.regionMatches(true, start, word, 0, word.length())) {
        return start + word.length();
      }
    }
    return start;
  }

  private Kind keywordKind(int start, int end) {
    return end - start == 4 && input.regionMatches(true, start, "null", 0, 4)
        ? Kind.NULL
        : Kind.BOOL;
  }

  private Token punctuationToken(int start, int at, Kind kind) {
    int end = at + 1;
    if (absorbsTrailingWs(kind)) {
      end = skipWs(end);
    }
    pos = end;
    return new Token(kind, start, end, input.substring(start, end));
  }

  private int interpolationEnd(int start) {
    int close = input.indexOf('}', start + 2);
    return close > start + 2 ? close + 1 : -1;
  }

  private int idEnd(int start) {
    int i = start + 1;
    while (i < input.length() && isIdPart(input.charAt(i))) {
      i++;
    }
    return i;
  }

  private int skipWs(int from) {
    int i = from;
    while (i < input.length() && isWs(input.charAt(i))) {
      i++;
    }
    return i;
  }

  private OverrideParseException badCharacter() {
    char c = input.charAt(pos);
    int column = pos + 1;
    if (c == '\'' || c == '"') {
      return new OverrideParseException(
          "Unterminated quoted string: the " + c + " at column " + column + " is never closed",
          input,
          column,
          "close it with a matching " + c + ", or escape it as \\" + c);
    }
    if (c > 127) {
      return new OverrideParseException(
          "Character '" + c + "' is not allowed in an unquoted value",
          input,
          column,
          "non-ASCII text must be quoted, e.g. key='" + c + "…'");
    }
    return new OverrideParseException(
        "Character '" + printable(c) + "' is not allowed in an unquoted value",
        input,
        column,
        "quote the value, e.g. key='a" + printable(c) + "b'");
  }

  private static String printable(char c) {
    return c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private static Kind punctuation(char c) {
    switch (c) {
      case ',':
        return Kind.COMMA;
      case ':':
        return Kind.COLON;
      case '=':
        return Kind.EQUAL;
      case '(':
        return Kind.POPEN;
      case ')':
        return Kind.PCLOSE;
      case '[':
        return Kind.BRACKET_OPEN;
      case ']':
        return Kind.BRACKET_CLOSE;
      case '{':
        return Kind.BRACE_OPEN;
      case '}':
        return Kind.BRACE_CLOSE;
      default:
        return null;
    }
  }

  private static boolean absorbsLeadingWs(Kind kind) {
    return kind != Kind.BRACKET_OPEN && kind != Kind.BRACE_OPEN;
  }

  private static boolean absorbsTrailingWs(Kind kind) {
    return kind == Kind.COMMA
        || kind == Kind.COLON
        || kind == Kind.EQUAL
        || kind == Kind.POPEN
        || kind == Kind.BRACKET_OPEN
        || kind == Kind.BRACE_OPEN;
  }

  static boolean isWs(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isIdPart(char c) {
    return isIdStart(c) || isDigit(c) || c == '-';
  }
}
