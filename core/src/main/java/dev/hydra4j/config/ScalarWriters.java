package dev.hydra4j.config;

/**
 * PyYAML's single- and double-quoted scalar writers. Both fold long text at a space once the column
 * passes 80 and continue on the next line at the scalar's indent; a single-quoted scalar writes
 * each line break as an empty line (YAML folding turns a lone break into a space), and a
 * double-quoted one escapes what it cannot show and ends a folded line with a backslash.
 */
final class ScalarWriters {

  private static final int BEST_WIDTH = 80;

  private ScalarWriters() {}

  static void singleQuoted(YamlEmitter e, int[] text, boolean split) {
    e.writeIndicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    int start = 0;
    for (int end = 0; end <= text.length; end++) {
      int ch = end < text.length ? text[end] : -1;
      if (spaces) {
        if (ch != ' ') {
          if (start + 1 == end
              && e.column() > BEST_WIDTH
              && split
              && start != 0
              && end != text.length) {
            e.writeIndent();
          } else {
            e.append(text, start, end);
          }
          start = end;
        }
      } else if (breaks) {
        if (ch == -1 || !ScalarAnalysis.isBreak(ch)) {
          if (text[start] == '\n') {
            e.writeLineBreak('\n');
          }
          for (int i = start; i < end; i++) {
            e.writeLineBreak(text[i]);
          }
          e.writeIndent();
          start = end;
        }
      } else if (ch == -1 || ch == ' ' || ScalarAnalysis.isBreak(ch) || ch == '\'') {
        if (start < end) {
          e.append(text, start, end);
          start = end;
        }
      }
      if (ch == '\'') {
        e.append("''");
        start = end + 1;
      }
      if (ch != -1) {
        spaces = ch == ' ';
        breaks = ScalarAnalysis.isBreak(ch);
      }
    }
    e.writeIndicator("'", false, false, false);
  }

  static void doubleQuoted(YamlEmitter e, int[] text, boolean split) {
    e.writeIndicator("\"", true, false, false);
    int start = 0;
    for (int end = 0; end <= text.length; end++) {
      int ch = end < text.length ? text[end] : -1;
      if (ch == -1 || needsEscape(ch)) {
        if (start < end) {
          e.append(text, start, end);
          start = end;
        }
        if (ch != -1) {
          e.append(escape(ch));
          start = end + 1;
        }
      }
      if (end > 0
          && end < text.length - 1
          && (ch == ' ' || start >= end)
          && e.column() + (end - start) > BEST_WIDTH
          && split) {
        e.append(text, start, end);
        e.append("\\");
        if (start < end) {
          start = end;
        }
        e.writeIndent();
        e.markText();
        if (text[start] == ' ') {
          e.append("\\");
        }
      }
    }
    e.writeIndicator("\"", false, false, false);
  }

  private static boolean needsEscape(int ch) {
    if (ch == '"' || ch == '\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF) {
      return true;
    }
    return !((ch >= 0x20 && ch <= 0x7E)
        || (ch >= 0xA0 && ch <= 0xD7FF)
        || (ch >= 0xE000 && ch <= 0xFFFD));
  }

  private static String escape(int ch) {
    return switch (ch) {
      case 0 -> "\\0";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case 0x09 -> "\\t";
      case 0x0A -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case 0x0D -> "\\r";
      case 0x1B -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default ->
          ch <= 0xFF
              ? String.format("\\x%02X", ch)
              : ch <= 0xFFFF ? String.format("\\u%04X", ch) : String.format("\\U%08X", ch);
    };
  }
}
