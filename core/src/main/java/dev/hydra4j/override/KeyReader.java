package dev.hydra4j.override;

/**
 * Reads the part of an override before '=': the prefix, the key or group path and the package.
 * Names are letters, digits, '_', '-' and '$' (not leading with a digit or '-'), joined by '.' into
 * paths where a part may also be a number ({@code a.0.b}); group paths join plain names with '/'.
 * Columns in errors are 1-based.
 */
final class KeyReader {

  /** As deep as a config file may nest: deeper keys are mistakes, and cost stack. */
  private static final int MAX_PARTS = 500;

  private final String text;
  private final OverrideType type;
  private final String keyOrGroup;
  private final String packageName;
  private int pos;

  KeyReader(String text) {
    this.text = text;
    this.type = readPrefix();
    this.keyOrGroup = readKeyOrGroup();
    String pkg = null;
    if (pos < text.length() && text.charAt(pos) == '@') {
      pos++;
      int start = pos;
      readName();
      pkg = text.substring(start, pos);
    }
    this.packageName = pkg;
    if (pos < text.length() && text.charAt(pos) != '=') {
      throw unexpected();
    }
  }

  OverrideType prefix() {
    return type;
  }

  String keyOrGroup() {
    return keyOrGroup;
  }

  String packageName() {
    return packageName;
  }

  /** Index of the '=' (or the length, when there is none). */
  int end() {
    return pos;
  }

  private OverrideType readPrefix() {
    OverrideType t = OverrideType.CHANGE;
    if (text.startsWith("++")) {
      t = OverrideType.FORCE_ADD;
    } else if (text.startsWith("+")) {
      t = OverrideType.ADD;
    } else if (text.startsWith("~")) {
      t = OverrideType.DEL;
    }
    pos = t.prefix().length();
    if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '~')) {
      throw new OverrideParseException(
          "'" + t.prefix() + text.charAt(pos) + "' is not a valid prefix",
          text,
          pos + 1,
          "use + to add a key, ++ to add or override it, ~ to delete it");
    }
    return t;
  }

  private String readKeyOrGroup() {
    int start = pos;
    boolean plainName = readName();
    if (plainName && pos < text.length() && text.charAt(pos) == '/') {
      while (pos < text.length() && text.charAt(pos) == '/') {
        pos++;
        int segment = pos;
        if (!readName() || pos == segment) {
          pos = segment;
          throw new OverrideParseException(
              "Expected a group name after '/'",
              text,
              pos + 1,
              "group paths look like hydra/launcher; each part is a plain name");
        }
      }
    }
    return text.substring(start, pos);
  }

  /**
   * Reads a name or dotted path (possibly empty); returns whether it was one plain name (usable as
   * a part of a group path).
   */
  private boolean readName() {
    int start = pos;
    int parts = 0;
    boolean special = false;
    boolean numeric = false;
    while (true) {
      int partStart = pos;
      if (pos < text.length() && isDigit(text.charAt(pos))) {
        // A list index as Python writes ints: 0, 7, 1_0; not 01.
        pos = text.charAt(pos) == '0' ? pos + 1 : PrimitiveSyntax.intEnd(text, pos);
        numeric = true;
      } else if (pos < text.length() && isNameStart(text.charAt(pos))) {
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
          special |= text.charAt(pos) == '$';
          pos++;
        }
      } else if (parts > 0 || (pos < text.length() && text.charAt(pos) == '.')) {
        pos = partStart - (parts > 0 ? 1 : 0); // point at the dot with nothing after it
        throw new OverrideParseException(
            parts > 0 ? "Expected a name after '.' in the key" : "A key cannot start with '.'",
            text,
            pos + 1,
            "dotted keys look like a.b.c; parts cannot be empty");
      } else {
        return false; // an empty name: allowed, e.g. the _global_ shorthand 'group@=x'
      }
      parts++;
      if (parts > MAX_PARTS) {
        throw new OverrideParseException(
            "The key has more than " + MAX_PARTS + " parts",
            text,
            pos + 1,
            "config trees are not this deep; check the key");
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        continue;
      }
      if (parts == 1 && numeric) {
        pos = start;
        throw new OverrideParseException(
            "A key cannot be a bare number",
            text,
            start + 1,
            "use a name; list indexes follow a dot, e.g. a.0");
      }
      return parts == 1 && !special;
    }
  }

  private OverrideParseException unexpected() {
    char c = text.charAt(pos);
    String hint;
    if (c == ' ' || c == '\t') {
      hint = "keys cannot contain whitespace; remove it around '=' or in the key";
    } else if (c == ':' && packageName != null) {
      hint = "Hydra 1.3 has no package rename (group@pkg1:pkg2); write group@pkg2=option";
    } else if (c == '@') {
      hint = "a key takes one package: group@package=option";
    } else {
      hint = "keys are dotted names (a.b.c), group paths (db/mysql) or group@package";
    }
    String shown = c == ' ' ? "' '" : c == '\t' ? "a tab" : "'" + c + "'";
    return new OverrideParseException("Unexpected " + shown + " in the key", text, pos + 1, hint);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c) || c == '-';
  }
}
