package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.PythonFloat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of resolved values: string interpolation ({@code
 * run_${a}}) concatenates {@code str()} of each part, so {@code True}, {@code None} and Python's
 * float digits show up exactly as Hydra users see them. Mappings and lists print as Python prints a
 * dict or list of their resolved values (OmegaConf would show a nested interpolation unresolved
 * there; the resolved value is more useful).
 */
final class PythonText {

  private PythonText() {}

  static String str(Object value) {
    if (value instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    append(out, value, false);
    return out.toString();
  }

  static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value, true);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value, boolean quoteStrings) {
    if (value instanceof ConfigValue v) {
      append(out, v.value(), quoteStrings);
    } else if (value == null) {
      out.append("None");
    } else if (value instanceof String s) {
      out.append(quoteStrings ? quote(s) : s);
    } else if (value instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (value instanceof Double d) {
      out.append(PythonFloat.repr(d));
    } else if (value instanceof ConfigMap map) {
      appendMap(out, map.entries());
    } else if (value instanceof ConfigList list) {
      appendList(out, list.items());
    } else if (value instanceof Map<?, ?> map) {
      appendMap(out, map);
    } else if (value instanceof List<?> list) {
      appendList(out, list);
    } else {
      out.append(value);
    }
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      append(out, e.getKey(), true);
      out.append(": ");
      append(out, e.getValue(), true);
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    out.append('}');
  }

  private static void appendList(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      append(out, list.get(i), true);
    }
    out.append(']');
  }

  /** Python's repr of a str: single quotes unless the text has ' and no ". */
  static String quote(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == q) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(q).toString();
  }

  /** A short description of a node's kind for messages: "a mapping", "the value 3". */
  static String describe(ConfigNode node) {
    if (node instanceof ConfigMap) {
      return "a mapping";
    }
    if (node instanceof ConfigList) {
      return "a list";
    }
    return "the value " + repr(node);
  }
}
