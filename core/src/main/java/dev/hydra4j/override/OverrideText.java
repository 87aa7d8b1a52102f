package dev.hydra4j.override;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Override text that parses back to the same value. It differs from Hydra's canonical text only
 * where that would read back differently: a string such as "10.0" or "true" (from {@code str(...)})
 * or one with characters the grammar forbids unquoted is quoted, and bools print as {@code
 * true}/{@code false}.
 */
final class OverrideText {

  private OverrideText() {}

  static String of(Object raw) {
    StringBuilder out = new StringBuilder();
    append(out, raw);
    return out.toString();
  }

  /** Wraps a sweep's text in {@code tag(...)} when it has tags. */
  static String tagged(List<String> tags, String sweepText) {
    if (tags.isEmpty()) {
      return sweepText;
    }
    StringBuilder out = new StringBuilder("tag(");
    for (String tag : tags) {
      out.append(of(tag)).append(',');
    }
    return out.append(sweepText).append(')').toString();
  }

  private static void append(StringBuilder out, Object raw) {
    if (raw instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, list.get(i));
      }
      out.append(']');
    } else if (raw instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        out.append(key(entry.getKey())).append(':');
        append(out, entry.getValue());
        if (entries.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (raw instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (raw instanceof String s) {
      out.append(isSafeUnquoted(s) ? CanonicalText.escapeUnquoted(s) : quote(s));
    } else {
      out.append(CanonicalText.scalar(raw));
    }
  }

  /**
   * Dict keys cannot be quoted, so a key that is not a plain word (empty, number-like, with
   * forbidden characters) is printed escaped as well as possible.
   */
  private static String key(Object key) {
    if (key instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (key instanceof Long || key instanceof BigInteger || key instanceof Double || key == null) {
      return CanonicalText.scalar(key);
    }
    return CanonicalText.escapeUnquoted(key.toString());
  }

  private static String quote(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    return CanonicalText.quote(s, quote);
  }

  /** Whether the escaped form of {@code s} reads back as the same string. */
  static boolean isSafeUnquoted(String s) {
    if (s.isEmpty() || ValueLexer.isSingleTypedToken(s)) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || ValueLexer.UNQUOTED_CHARS.indexOf(c) >= 0
              || CanonicalText.ESCAPED_CHARS.indexOf(c) >= 0;
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
