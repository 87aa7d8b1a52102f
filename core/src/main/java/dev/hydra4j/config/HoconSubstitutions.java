package dev.hydra4j.config;

/**
 * Rewrites an unresolved HOCON value into hydra4j's interpolation string. Typesafe Config does not
 * expose a substitution's parts, but renders them unambiguously: JSON-quoted strings, unquoted
 * words and {@code ${path}} references side by side (e.g. {@code "run_"${a.b}"_x"}). Reading that
 * rendering back gives {@code run_${a.b}_x}. A quoted path element loses its quotes ({@code
 * ${"a.b"}} becomes {@code ${a.b}}): OmegaConf's interpolation has no quoting.
 */
final class HoconSubstitutions {

  private HoconSubstitutions() {}

  /** The interpolation string for the unresolved value of {@code key} (null in a list). */
  static String interpolation(String rendered, String key, Origin origin) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < rendered.length()) {
      char c = rendered.charAt(i);
      if (c == '"') {
        i = jsonString(rendered, i, out);
      } else if (rendered.startsWith("${", i)) {
        i = reference(rendered, i, out, key, origin);
      } else if (c == '{' || c == '[' || c == ',') {
        throw unsupported(
            rendered,
            key,
            origin,
            "a key set more than once, '+=', or an object or list joined with a substitution "
                + "needs HOCON's own resolution",
            "set each key once to a plain value or one substitution such as ${a.b}");
      } else {
        int end = i;
        while (end < rendered.length() && "\"${[,".indexOf(rendered.charAt(end)) < 0) {
          end++;
        }
        out.append(rendered, i, end);
        i = end;
      }
    }
    return out.toString();
  }

  private static int reference(
      String rendered, int start, StringBuilder out, String key, Origin origin) {
    int i = start + 2;
    if (i < rendered.length() && rendered.charAt(i) == '?') {
      throw unsupported(
          rendered,
          key,
          origin,
          "optional substitutions ${?...} have no equivalent in hydra4j's interpolation",
          "use ${key} (the key must exist after composition) or ${oc.env:VAR,default} for an "
              + "environment variable with a fallback");
    }
    StringBuilder path = new StringBuilder();
    while (i < rendered.length() && rendered.charAt(i) != '}') {
      char c = rendered.charAt(i);
      if (c == '"') {
        StringBuilder element = new StringBuilder();
        i = jsonString(rendered, i, element);
        path.append(element);
      } else {
        path.append(c);
        i++;
      }
    }
    out.append("${").append(path).append('}');
    return i + 1;
  }

  /** Appends the decoded JSON string starting at {@code start}; returns the index after it. */
  private static int jsonString(String text, int start, StringBuilder out) {
    int i = start + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char e = text.charAt(i + 1);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
            i += 4;
          }
          default -> out.append(e);
        }
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return i + 1;
  }

  private static ConfigException unsupported(
      String rendered, String key, Origin origin, String why, String hint) {
    String what = key == null ? "list item" : "value of '" + key + "'";
    return new ConfigException(
        "Unsupported HOCON " + what + " (" + rendered + "): " + why, origin, hint);
  }
}
