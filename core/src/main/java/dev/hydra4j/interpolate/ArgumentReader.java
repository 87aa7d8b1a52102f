package dev.hydra4j.interpolate;

import dev.hydra4j.interpolate.Template.Arg;
import dev.hydra4j.interpolate.Template.Concat;
import dev.hydra4j.interpolate.Template.Constant;
import dev.hydra4j.interpolate.Template.DictArg;
import dev.hydra4j.interpolate.Template.ListArg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads resolver arguments for {@link TemplateParser}: a comma-separated sequence of elements, each
 * a quoted string, a {@code [list]}, a {@code {dict}} or an unquoted primitive.
 */
final class ArgumentReader {

  private ArgumentReader() {}

  /** Arguments after the {@code :}, up to and including the closing brace. */
  static List<Arg> sequence(TemplateParser p) {
    List<Arg> args = new ArrayList<>();
    p.skipBlanks();
    if (p.peek('}')) {
      p.advance(1);
      return args;
    }
    while (true) {
      args.add(element(p, ",}"));
      if (p.peek(',')) {
        p.advance(1);
      } else {
        p.expect('}', "',' or '}' after a resolver argument");
        return args;
      }
    }
  }

  /** One element, ending before one of {@code stops} (or at the end of the text if none). */
  static Arg element(TemplateParser p, String stops) {
    p.nest();
    try {
      p.skipBlanks();
      String s = p.source();
      if (p.position() >= s.length()) {
        if (stops.isEmpty()) {
          return new Constant("");
        }
        throw p.error("unexpected end of text inside the interpolation");
      }
      char c = s.charAt(p.position());
      Arg arg;
      if (c == '\'' || c == '"') {
        p.advance(1);
        arg = new Concat(p.quoted(c));
      } else if (c == '[') {
        arg = list(p);
      } else if (c == '{') {
        arg = dict(p);
      } else {
        return UnquotedArgument.read(p, stops);
      }
      p.skipBlanks();
      return arg;
    } finally {
      p.unnest();
    }
  }

  private static Arg list(TemplateParser p) {
    p.advance(1);
    List<Arg> items = new ArrayList<>();
    p.skipBlanks();
    if (p.peek(']')) {
      p.advance(1);
      return new ListArg(items);
    }
    while (true) {
      items.add(element(p, ",]"));
      if (p.peek(',')) {
        p.advance(1);
      } else {
        p.expect(']', "',' or ']' in a list");
        return new ListArg(items);
      }
    }
  }

  /** Keys are plain unquoted text, as OmegaConf's grammar requires. */
  private static Arg dict(TemplateParser p) {
    p.advance(1);
    Map<String, Arg> entries = new LinkedHashMap<>();
    p.skipBlanks();
    if (p.peek('}')) {
      p.advance(1);
      return new DictArg(entries);
    }
    while (true) {
      Arg key = UnquotedArgument.read(p, ":");
      if (!(key instanceof Constant k) || String.valueOf(k.value()).isEmpty()) {
        throw p.error("a dict key must be plain unquoted text");
      }
      p.expect(':', "':' after a dict key");
      entries.put(String.valueOf(k.value()), element(p, ",}"));
      if (p.peek(',')) {
        p.advance(1);
        p.skipBlanks();
      } else {
        p.expect('}', "',' or '}' in a dict");
        return new DictArg(entries);
      }
    }
  }
}
