package dev.hydra4j.override;

import dev.hydra4j.override.CallArguments.Argument;
import dev.hydra4j.override.Token.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive descent over the value part of an override, following the documented grammar:
 *
 * <pre>
 * value     : element | element (',' element)+          // the second is a simple sweep
 * element   : QUOTED | list | dict | function | primitive
 * function  : ID '(' ((ID '=')? element (',' (ID '=')? element)*)? ')'
 * list      : '[' (element (',' element)*)? ']'
 * dict      : '{' (dictKey ':' element (',' dictKey ':' element)*)? '}'
 * primitive : (ID|NULL|INT|FLOAT|BOOL|INTERPOLATION|UNQUOTED_CHAR|':'|ESC|WS)+
 * dictKey   : the same without ':' and INTERPOLATION
 * </pre>
 *
 * A primitive that is one int, float, bool or null token (ignoring whitespace around it) has that
 * type; any other primitive is a string with escapes removed.
 */
final class ValueParser {

  private static final Set<Kind> PRIMITIVE =
      EnumSet.of(
          Kind.ID,
          Kind.NULL,
          Kind.INT,
          Kind.FLOAT,
          Kind.BOOL,
          Kind.INTERPOLATION,
          Kind.UNQUOTED_CHAR,
          Kind.COLON,
          Kind.ESC,
          Kind.WS);
  private static final Set<Kind> DICT_KEY =
      EnumSet.of(
          Kind.ID,
          Kind.NULL,
          Kind.INT,
          Kind.FLOAT,
          Kind.BOOL,
          Kind.UNQUOTED_CHAR,
          Kind.ESC,
          Kind.WS);

  private final String input;

  /** Deeper nesting than anyone writes; beyond it a stack overflow would be the error. */
  private static final int MAX_DEPTH = 100;

  private final List<Token> tokens = new ArrayList<>();
  private int index;
  private int depth;

  /**
   * Lexes the whole value before parsing: like Hydra, a character the grammar cannot read at all
   * (an unterminated quote, a '#') is reported even when a structural error comes earlier
   * (ovr-0121).
   */
  ValueParser(String input, int from) {
    this.input = input;
    ValueLexer lexer = new ValueLexer(input, from);
    Token t;
    do {
      t = lexer.next();
      tokens.add(t);
    } while (!t.is(Kind.EOF));
  }

  OverrideValue parseValue() {
    Object first = element("a value");
    OverrideValue value;
    if (peek(0).is(Kind.COMMA)) {
      List<OverrideValue> items = new ArrayList<>();
      items.add(asValue(first));
      while (peek(0).is(Kind.COMMA)) {
        next();
        items.add(asValue(element("a value after ','")));
      }
      value = new ChoiceSweep(items, true, false, List.of());
    } else {
      value = asValue(first);
    }
    Token end = peek(0);
    if (!end.is(Kind.EOF)) {
      throw ParseErrors.afterValue(input, end);
    }
    return value;
  }

  private static OverrideValue asValue(Object parsed) {
    return parsed instanceof Sweep sweep ? sweep : new Element(parsed);
  }

  /** An element inside a list, dict or call: running out of input means it is unclosed. */
  private Object element(Token open, String expected) {
    if (peek(0).is(Kind.EOF)) {
      throw ParseErrors.unclosed(input, open, peek(0));
    }
    return element(expected);
  }

  /** An element: a raw value, or a Sweep when it is a function call returning one. */
  private Object element(String expected) {
    Token t = peek(0);
    if (++depth > MAX_DEPTH) {
      throw new OverrideParseException(
          "The value is nested more than " + MAX_DEPTH + " levels deep",
          input,
          t.start() + 1,
          null);
    }
    try {
      return elementAt(t, expected);
    } finally {
      depth--;
    }
  }

  private Object elementAt(Token t, String expected) {
    switch (t.kind()) {
      case QUOTED:
        next();
        return QuotedText.unescape(t.text());
      case BRACKET_OPEN:
        return list();
      case BRACE_OPEN:
        return dict();
      case ID:
        if (peek(1).is(Kind.POPEN)) {
          return function();
        }
        return primitive(PRIMITIVE);
      default:
        if (PRIMITIVE.contains(t.kind())) {
          return primitive(PRIMITIVE);
        }
        throw ParseErrors.expected(input, t, expected);
    }
  }

  private Object primitive(Set<Kind> allowed) {
    List<Token> tokens = new ArrayList<>();
    while (allowed.contains(peek(0).kind())) {
      tokens.add(next());
    }
    int from = 0;
    int to = tokens.size();
    while (from < to && tokens.get(from).is(Kind.WS)) {
      from++;
    }
    while (to > from && tokens.get(to - 1).is(Kind.WS)) {
      to--;
    }
    if (to - from == 1 && tokens.get(from).isTyped()) {
      return typed(tokens.get(from));
    }
    StringBuilder text = new StringBuilder();
    for (Token token : tokens.subList(from, to)) {
      text.append(token.is(Kind.ESC) ? token.text().substring(1) : token.text());
    }
    return text.toString();
  }

  private static Object typed(Token token) {
    switch (token.kind()) {
      case INT:
        return PrimitiveSyntax.intValue(token.text());
      case FLOAT:
        return PrimitiveSyntax.floatValue(token.text());
      case BOOL:
        return token.text().equalsIgnoreCase("true");
      default:
        return null;
    }
  }

  private List<Object> list() {
    Token open = next();
    List<Object> items = new ArrayList<>();
    if (!peek(0).is(Kind.BRACKET_CLOSE)) {
      items.add(nested(element(open, "a list element"), open));
      while (peek(0).is(Kind.COMMA)) {
        next();
        items.add(nested(element(open, "a list element after ','"), open));
      }
    }
    closing(open, Kind.BRACKET_CLOSE);
    return Collections.unmodifiableList(items);
  }

  private Map<Object, Object> dict() {
    Token open = next();
    Map<Object, Object> entries = new LinkedHashMap<>();
    if (!peek(0).is(Kind.BRACE_CLOSE)) {
      entry(entries, open);
      while (peek(0).is(Kind.COMMA)) {
        next();
        entry(entries, open);
      }
    }
    closing(open, Kind.BRACE_CLOSE);
    return Collections.unmodifiableMap(entries);
  }

  private void entry(Map<Object, Object> entries, Token open) {
    Token start = peek(0);
    if (start.is(Kind.EOF)) {
      throw ParseErrors.unclosed(input, open, start);
    }
    if (!DICT_KEY.contains(start.kind())) {
      throw ParseErrors.badDictKey(input, start);
    }
    Object key = primitive(DICT_KEY);
    Token colon = peek(0);
    if (!colon.is(Kind.COLON)) {
      throw ParseErrors.missingColon(input, colon, key);
    }
    next();
    // A repeated key keeps its first position and takes the last value, like a Python dict.
    entries.put(key, nested(element(open, "a value after ':'"), open));
  }

  private Object function() {
    Token name = next();
    Token open = next();
    List<Argument> arguments = new ArrayList<>();
    boolean sawKeyword = false;
    if (!peek(0).is(Kind.PCLOSE)) {
      do {
        if (!arguments.isEmpty()) {
          next(); // the ','
        }
        Token start = peek(0);
        String argName = null;
        if (start.is(Kind.ID) && peek(1).is(Kind.EQUAL)) {
          argName = start.text();
          next();
          next();
          sawKeyword = true;
        } else if (sawKeyword) {
          throw ParseErrors.positionalAfterKeyword(input, start);
        }
        Object value = element(open, "an argument");
        arguments.add(new Argument(argName, value, start.start() + 1));
      } while (peek(0).is(Kind.COMMA));
    }
    closing(open, Kind.PCLOSE);
    if (!Functions.exists(name.text())) {
      throw ParseErrors.unknownFunction(input, name);
    }
    try {
      return Functions.call(name.text(), arguments);
    } catch (FunctionError e) {
      int column = e.column() > 0 ? e.column() : name.start() + 1;
      throw new OverrideParseException(e.getMessage(), input, column, e.hint());
    }
  }

  /** Lists and dicts hold plain values; a sweep inside one has no meaning. */
  private Object nested(Object value, Token container) {
    if (value instanceof Sweep sweep) {
      throw new OverrideParseException(
          "A sweep cannot be nested inside a "
              + (container.is(Kind.BRACKET_OPEN) ? "list" : "dict")
              + ": "
              + sweep.toOverrideText(),
          input,
          container.start() + 1,
          "sweep over whole values instead, e.g. key=[1,2],[3,4]");
    }
    return value;
  }

  private void closing(Token open, Kind close) {
    Token t = peek(0);
    if (!t.is(close)) {
      throw ParseErrors.unclosed(input, open, t);
    }
    next();
  }

  private Token peek(int k) {
    return tokens.get(Math.min(index + k, tokens.size() - 1));
  }

  private Token next() {
    Token t = peek(0);
    index = Math.min(index + 1, tokens.size() - 1);
    return t;
  }
}
