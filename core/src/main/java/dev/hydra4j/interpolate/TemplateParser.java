package dev.hydra4j.interpolate;

import dev.hydra4j.interpolate.Template.Arg;
import dev.hydra4j.interpolate.Template.Literal;
import dev.hydra4j.interpolate.Template.NodeRef;
import dev.hydra4j.interpolate.Template.Piece;
import dev.hydra4j.interpolate.Template.ResolverCall;
import dev.hydra4j.interpolate.Template.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for OmegaConf 2.2's interpolation grammar, written from its
 * documentation ("The OmegaConf grammar"): top-level text with <code>\${</code> escapes, node
 * references with dots and brackets, resolver calls whose arguments are typed primitives, quoted
 * strings, lists, dicts and nested interpolations.
 */
final class TemplateParser {

  /** Characters that end a key inside {@code ${…}}. */
  private static final String KEY_STOP = "\\{}()[]:. \t'\"";

  /** Nesting beyond this is surely a mistake, and would otherwise exhaust the stack. */
  private static final int MAX_NESTING = 64;

  private final String s;
  private int pos;
  private int nesting;

  private TemplateParser(String text) {
    this.s = text;
  }

  /** Parses a config string value or command word. */
  static Template parse(String text) {
    TemplateParser p = new TemplateParser(text);
    return new Template(text, p.text((char) 0));
  }

  /** Parses a whole string as one argument-like element: what {@code oc.decode} reads. */
  static Arg parseElement(String text) {
    TemplateParser p = new TemplateParser(text);
    Arg arg = ArgumentReader.element(p, "");
    p.skipBlanks();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "' after the value");
    }
    return arg;
  }

  /** Parses a key such as {@code a.b}, {@code ..x} or {@code list[0]}, as oc.select takes. */
  static NodeRef parseKey(String text) {
    TemplateParser p = new TemplateParser(text);
    p.skipBlanks();
    int dots = 0;
    while (p.peek('.')) {
      dots++;
      p.pos++;
    }
    NodeRef ref = p.nodePath(dots);
    p.skipBlanks();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "' in key");
    }
    return ref;
  }

  /** Text up to the end, or up to the closing {@code quote} when it is not 0. */
  private List<Piece> text(char quote) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        if (quote != 0) {
          throw error("unterminated quoted string: missing closing " + quote);
        }
        break;
      }
      char c = s.charAt(pos);
      if (c == '\\') {
        int run = 0;
        while (pos + run < s.length() && s.charAt(pos + run) == '\\') {
          run++;
        }
        int after = pos + run;
        boolean beforeInterpolation = s.startsWith("${", after);
        boolean beforeQuote = quote != 0 && after < s.length() && s.charAt(after) == quote;
        if (beforeInterpolation || beforeQuote) {
          // Backslashes pair up; an odd one out escapes the "${" or the quote (grammar doc).
          literal.append("\\".repeat(run / 2));
          pos = after;
          if (run % 2 == 1) {
            literal.append(beforeInterpolation ? "${" : String.valueOf(quote));
            pos += beforeInterpolation ? 2 : 1;
          }
        } else {
          literal.append("\\".repeat(run));
          pos = after;
        }
      } else if (c == '$' && s.startsWith("${", pos)) {
        flush(literal, pieces);
        pieces.add(interpolation());
      } else if (quote != 0 && c == quote) {
        pos++;
        break;
      } else {
        literal.append(c);
        pos++;
      }
    }
    flush(literal, pieces);
    return pieces;
  }

  private static void flush(StringBuilder literal, List<Piece> pieces) {
    if (literal.length() > 0) {
      pieces.add(new Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  /** {@code ${…}} starting at pos: a node reference or a resolver call. */
  private Piece interpolation() {
    nest();
    try {
      return interpolationBody();
    } finally {
      unnest();
    }
  }

  void nest() {
    if (++nesting > MAX_NESTING) {
      throw error("interpolations, lists or dicts nest more than " + MAX_NESTING + " deep");
    }
  }

  private Piece interpolationBody() {
    int start = pos;
    pos += 2;
    skipBlanks();
    int dots = 0;
    while (pos < s.length() && s.charAt(pos) == '.') {
      dots++;
      pos++;
    }
    NodeRef path = nodePath(dots);
    skipBlanks();
    if (pos < s.length() && s.charAt(pos) == ':' && dots == 0 && isResolverName(path)) {
      pos++;
      List<Arg> args = ArgumentReader.sequence(this);
      return new ResolverCall(path.segments(), args, s.substring(start, pos));
    }
    expect('}', "'}' to close the interpolation");
    return new NodeRef(dots, path.segments(), s.substring(start, pos));
  }

  private boolean isResolverName(NodeRef path) {
    int before = pos;
    for (Segment segment : path.segments()) {
      if (segment.text() != null && !segment.text().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        pos = before;
        throw error("'" + segment.text() + "' is not a valid resolver name");
      }
    }
    return true;
  }

  /** Keys separated by dots or in brackets: {@code a.b[0].c}. */
  private NodeRef nodePath(int dots) {
    int start = pos;
    List<Segment> segments = new ArrayList<>();
    segments.add(peek('[') ? bracketKey() : key());
    while (pos < s.length()) {
      if (peek('.')) {
        pos++;
        segments.add(key());
      } else if (peek('[')) {
        segments.add(bracketKey());
      } else {
        break;
      }
    }
    return new NodeRef(dots, segments, s.substring(start - dots, pos));
  }

  private Segment bracketKey() {
    pos++;
    Segment key = key();
    expect(']', "']' to close the bracketed key");
    return key;
  }

  private Segment key() {
    if (s.startsWith("${", pos)) {
      return Segment.nested(interpolation());
    }
    int start = pos;
    while (pos < s.length() && KEY_STOP.indexOf(s.charAt(pos)) < 0) {
      pos++;
    }
    if (pos == start) {
      throw error(
          pos < s.length()
              ? "expected a key, found '" + s.charAt(pos) + "'"
              : "expected a key, found the end of the text");
    }
    return Segment.plain(s.substring(start, pos));
  }

  // ---- the reading position, shared with ArgumentReader and UnquotedArgument ----

  String source() {
    return s;
  }

  int position() {
    return pos;
  }

  void advance(int n) {
    pos += n;
  }

  void unnest() {
    nesting--;
  }

  Piece nestedInterpolation() {
    return interpolation();
  }

  /** A quoted string's content; pos is just after the opening quote. */
  List<Piece> quoted(char quote) {
    return text(quote);
  }

  boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  void skipBlanks() {
    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
  }

  void expect(char c, String what) {
    if (!peek(c)) {
      throw error(
          pos < s.length()
              ? "expected " + what + ", found '" + s.charAt(pos) + "'"
              : "expected " + what + ", found the end of the text");
    }
    pos++;
  }

  SyntaxError error(String message) {
    return new SyntaxError(message, pos);
  }

  /** A grammar error at a character index; the caller adds key and origin. */
  static final class SyntaxError extends RuntimeException {
    final int index;

    SyntaxError(String message, int index) {
      super(message, null, false, false);
      this.index = index;
    }
  }
}
