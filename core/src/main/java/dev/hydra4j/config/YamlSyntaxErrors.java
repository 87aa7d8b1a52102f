package dev.hydra4j.config;

import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Turns snakeyaml-engine's syntax errors into a {@link ConfigException} pointing at the offending
 * position (the parser's problem mark, 1-based) with a hint for the usual causes.
 */
final class YamlSyntaxErrors {

  private YamlSyntaxErrors() {}

  static ConfigException translate(YamlEngineException e, String file, String text) {
    if (e instanceof MarkedYamlEngineException marked) {
      Optional<Mark> problemMark = marked.getProblemMark();
      Optional<Mark> contextMark = marked.getContextMark();
      Mark at = problemMark.orElse(contextMark.orElse(null));
      String problem = clean(marked.getProblem());
      StringBuilder message = new StringBuilder("YAML syntax error: ").append(problem);
      String context = marked.getContext();
      if (context != null && !context.isBlank() && contextMark.isPresent()) {
        Mark c = contextMark.get();
        message
            .append(" (")
            .append(clean(context))
            .append(" that starts at line ")
            .append(c.getLine() + 1)
            .append(", column ")
            .append(c.getColumn() + 1)
            .append(')');
      }
      Origin origin =
          at == null
              ? Origin.ofFile(file, 0, 0)
              : Origin.ofFile(file, at.getLine() + 1, at.getColumn() + 1);
      return new ConfigException(message.toString(), origin, hint(problem, context), e);
    }
    if (e instanceof ReaderException reader) {
      return new ConfigException(
          "YAML syntax error: the file contains the special character U+"
              + String.format("%04X", reader.getCodePoint())
              + ", which YAML does not allow",
          position(text, reader.getPosition(), file),
          "remove the character, or write it as "
              + "an escape such as \\u0001 inside a double-quoted string",
          e);
    }
    if (e instanceof org.snakeyaml.engine.v2.exceptions.YamlVersionException) {
      int line = 1;
      for (String l : text.split("\n", -1)) {
        if (l.startsWith("%YAML")) {
          break;
        }
        line++;
      }
      return new ConfigException(
          "Unsupported YAML version directive: " + clean(e.getMessage()),
          Origin.ofFile(file, line, 1),
          "remove the %YAML line, or write %YAML 1.1 or 1.2",
          e);
    }
    return new ConfigException(
        "YAML error: " + clean(e.getMessage()),
        Origin.ofFile(file, 0, 0),
        "check the file's YAML syntax",
        e);
  }

  /** The origin of the {@code index}-th code point of {@code text}. */
  private static Origin position(String text, int index, String file) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0;
        i < text.length() && seen < index;
        i += Character.charCount(text.codePointAt(i))) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      seen++;
    }
    return Origin.ofFile(file, line, column);
  }

  /**
   * snakeyaml-engine's wording, tidied: a trailing mark of its own dropped, a bare token quoted
   * ("but got :" reads as "but got ':'"), and its advice about indentation kept only where a tab is
   * the problem.
   */
  private static String clean(String text) {
    if (text == null) {
      return "invalid YAML";
    }
    String message = text.strip();
    int in = message.indexOf("\n in ");
    if (in >= 0) {
      message = message.substring(0, in).strip();
    }
    int got = message.lastIndexOf("but got ");
    if (got >= 0) {
      String token = message.substring(got + 8);
      if (!token.isEmpty() && !token.startsWith("<") && !token.startsWith("'")) {
        message = message.substring(0, got + 8) + "'" + token + "'";
      }
    }
    if (!message.contains("TAB")) {
      message = message.replaceAll(" ?\\(Do not use .* for indentation\\)", "");
    }
    return message;
  }

  private static String hint(String problem, String context) {
    String p = problem.toLowerCase(Locale.ROOT);
    String c = context == null ? "" : context.toLowerCase(Locale.ROOT);
    if (p.contains("'\\t'") || p.contains("tab")) {
      return "YAML does not allow tabs for indentation; indent with spaces";
    }
    if (p.contains("escape")) {
      return "inside double quotes a backslash starts an escape such as \\n or \\\\; "
          + "use single quotes for text with backslashes";
    }
    if (p.contains("cannot start any token")) {
      return "quote the value: a plain YAML value cannot start with this character";
    }
    if (p.contains("mapping values are not allowed")) {
      return "quote a value that contains ': ' (e.g. \"a: b\"), or fix the indentation of "
          + "this line";
    }
    if (c.contains("flow sequence") || p.contains("']'")) {
      return "close the list with ']' and separate its items with ', '; quote items that "
          + "contain ':' or '#'";
    }
    if (c.contains("flow mapping") || p.contains("'}'")) {
      return "close the mapping with '}' and separate its entries with ', '";
    }
    if (c.contains("quoted scalar") || p.contains("quoted")) {
      return "close the quoted string with the same quote it starts with";
    }
    if (p.contains("alias") || p.contains("anchor")) {
      return "'&' and '*' start anchors and aliases; quote a value that begins with them";
    }
    if (p.contains("block end") || p.contains("indentation") || c.contains("block")) {
      return "check the indentation: keys of one mapping must line up, and a nested block "
          + "must be indented more than its parent key";
    }
    return "check the YAML syntax at this position; quoting the value often helps";
  }
}
