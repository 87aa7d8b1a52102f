package dev.hydra4j.config;

/**
 * Finds Hydra's package directive, {@code # @package <package>}, in a config file's leading comment
 * lines. Hydra stops looking at the first comment line that is not a directive, so a plain comment
 * above {@code # @package} silently hides it there; here any of the comment lines before the first
 * content line may hold it (the last one wins, as in Hydra). Other {@code # @key value} directives
 * are ignored, as Hydra ignores them.
 */
final class PackageHeader {

  private PackageHeader() {}

  /**
   * The package named in the header of {@code text}, or {@code null}.
   *
   * @param slashComments whether {@code //} also starts a comment (HOCON)
   */
  static String find(String text, String displayPath, boolean slashComments) {
    String found = null;
    int lineNumber = 0;
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lineNumber++;
      String line = text.substring(start, end);
      String trimmed = line.strip();
      if (!trimmed.isEmpty()) {
        String comment = commentBody(trimmed, slashComments);
        if (comment == null) {
          break;
        }
        if (comment.startsWith("@")) {
          int column = line.indexOf('@') + 1;
          String value = directive(comment, Origin.ofFile(displayPath, lineNumber, column));
          if (value != null) {
            found = value;
          }
        }
      }
      start = end + 1;
    }
    return found;
  }

  private static String commentBody(String trimmed, boolean slashComments) {
    if (trimmed.startsWith("#")) {
      int i = 0;
      while (i < trimmed.length() && trimmed.charAt(i) == '#') {
        i++;
      }
      return trimmed.substring(i).strip();
    }
    if (slashComments && trimmed.startsWith("//")) {
      return trimmed.substring(2).strip();
    }
    return null;
  }

  /** The package of an {@code @package} directive; {@code null} for other directives. */
  private static String directive(String body, Origin origin) {
    String[] parts = body.split("\\s+");
    String key = parts[0];
    if (key.equals("@package:")) {
      throw new ConfigException(
          "Malformed package header '" + body + "'",
          origin,
          "write it without the colon: '# @package "
              + (parts.length > 1 ? parts[1] : "<package>")
              + "'");
    }
    if (!key.equals("@package")) {
      return null;
    }
    if (parts.length < 2) {
      throw new ConfigException(
          "Package header '" + body + "' names no package",
          origin,
          "write '# @package <package>', e.g. '# @package _global_' or '# @package db.primary'");
    }
    if (parts.length > 2) {
      throw new ConfigException(
          "Package header '" + body + "' has too many parts",
          origin,
          "a package is one dotted name without spaces, e.g. '# @package db.primary'");
    }
    return parts[1];
  }
}
