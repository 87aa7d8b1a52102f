package dev.hydra4j.override;

/** One lexical token of an override value; offsets are 0-based into the whole override. */
record Token(Kind kind, int start, int end, String text) {

  enum Kind {
    WS,
    COMMA,
    COLON,
    EQUAL,
    POPEN,
    PCLOSE,
    BRACKET_OPEN,
    BRACKET_CLOSE,
    BRACE_OPEN,
    BRACE_CLOSE,
    QUOTED,
    INTERPOLATION,
    ID,
    INT,
    FLOAT,
    BOOL,
    NULL,
    UNQUOTED_CHAR,
    ESC,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** Tokens with a typed value when they make up a whole primitive. */
  boolean isTyped() {
    return kind == Kind.INT || kind == Kind.FLOAT || kind == Kind.BOOL || kind == Kind.NULL;
  }

  /** How the token is named in an error message. */
  String describe() {
    if (kind == Kind.EOF) {
      return "the end of the override";
    }
    String shown = text.strip();
    if (shown.isEmpty()) {
      return "whitespace";
    }
    return "'" + shown + "'";
  }
}
