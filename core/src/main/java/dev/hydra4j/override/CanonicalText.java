package dev.hydra4j.override;

import dev.hydra4j.config.PythonFloat;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hydra's canonical text of a value: what it puts after {@code key=} in a job's override and
 * directory name. Unquoted strings get a backslash before every character the grammar treats
 * specially; quoted strings keep their quotes; bools print Python-style.
 */
final class CanonicalText {

  /** Characters that must be escaped in unquoted strings (ovr-0300). */
  static final String ESCAPED_CHARS = "\\()[]{}:=, \t";

  private CanonicalText() {}

  static String of(Object raw, boolean spaced) {
    StringBuilder out = new StringBuilder();
    append(out, raw, spaced);
    return out.toString();
  }

  private static void append(StringBuilder out, Object raw, boolean spaced) {
    if (raw instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(spaced ? ", " : ",");
        }
        append(out, list.get(i), spaced);
      }
      out.append(']');
    } else if (raw instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        append(out, entry.getKey(), spaced);
        out.append(spaced ? ": " : ":");
        append(out, entry.getValue(), spaced);
        if (entries.hasNext()) {
          out.append(spaced ? ", " : ",");
        }
      }
      out.append('}');
    } else {
      out.append(scalar(raw));
    }
  }

  static String scalar(Object raw) {
    if (raw == null) {
      return "null";
    }
    if (raw instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (raw instanceof Double d) {
      return PythonFloat.repr(d);
    }
    if (raw instanceof Long || raw instanceof BigInteger) {
      return raw.toString();
    }
    if (raw instanceof QuotedString q) {
      return quote(q.text(), q.quote());
    }
    return escapeUnquoted(raw.toString());
  }

  static String escapeUnquoted(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (ESCAPED_CHARS.indexOf(c) >= 0) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append('\\');
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Quotes {@code text} so that it reads back unchanged: the quote character is escaped, and every
   * run of backslashes that precedes a quote (escaped or closing) is doubled. Other backslashes
   * stay single, as the documentation's C:\\ example shows.
   */
  static String quote(String text, char quote) {
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        int end = i;
        while (end < text.length() && text.charAt(end) == '\\') {
          end++;
        }
        boolean beforeQuote = end == text.length() || text.charAt(end) == quote;
        out.append("\\".repeat(beforeQuote ? 2 * (end - i) : end - i));
        i = end;
      } else {
        if (c == quote) {
          out.append('\\');
        }
        out.append(c);
        i++;
      }
    }
    return out.append(quote).toString();
  }
}
