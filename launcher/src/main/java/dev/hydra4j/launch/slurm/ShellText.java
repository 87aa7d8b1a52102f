package dev.hydra4j.launch.slurm;

/**
 * Text made safe for the two readers of an array script: bash, and sbatch's parser of {@code
 * #SBATCH} lines. Every string that reaches a script goes through one of {@link #word}, {@link
 * #sbatchOption} or {@link #comment}, and each of them first asks {@link #refusal}: the one place
 * that decides what text a script cannot hold. Validation (settings, the sweep directory, job
 * words) asks the same function earlier, with the place the text came from, so that a user sees a
 * located error and these renderers never meet unsafe text.
 */
final class ShellText {

  private ShellText() {}

  /** Where in a script a text goes: each place refuses more. */
  enum Place {
    /** A single-quoted bash word: anything but NUL. */
    WORD,
    /** An {@code #SBATCH} or comment line: no line break either. */
    LINE,
    /**
     * A path in an sbatch file-name pattern ({@code --output}): no backslash either, which makes
     * SLURM drop the backslash and ignore every {@code %A}/{@code %a} of the pattern.
     */
    PATTERN_PATH
  }

  /**
   * Why {@code text} cannot be written into a script at {@code place}, or {@code null} when it can.
   * A NUL cannot be passed to bash or a program at all; a line break ends an {@code #SBATCH} or
   * comment line, so the rest would run as shell code. Inside a single-quoted bash word a line
   * break is just a character.
   */
  static String refusal(String text, Place place) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "a NUL character (at position " + i + ")";
      }
      if (place != Place.WORD && (c == '\n' || c == '\r')) {
        return "a line break (at position " + i + ")";
      }
      if (place == Place.PATTERN_PATH && c == '\\') {
        return "a backslash (at position " + i + "), which turns off SLURM's %A/%a in --output";
      }
    }
    return null;
  }

  /**
   * One bash word standing for exactly {@code text}: single-quoted, each {@code '} written as
   * {@code '\''}. Inside single quotes bash expands nothing ({@code $(…)}, {@code `…`}, {@code $x},
   * globs) and a newline is just a character, so any value arrives verbatim.
   */
  static String word(String text) {
    require(text, Place.WORD);
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * An sbatch option as written after {@code #SBATCH}. sbatch splits these lines at blanks and
   * treats quotes, backslashes and {@code #} specially (seen with slurm 22.05: {@code "a \"b\"
   * \\c"} gives {@code a "b" \c}), so a value with anything but plain characters is double-quoted
   * with {@code \} and {@code "} escaped. bash reads the line as a comment.
   */
  static String sbatchOption(String option) {
    require(option, Place.LINE);
    int eq = option.indexOf('=');
    if (eq < 0) {
      return option;
    }
    String value = option.substring(eq + 1);
    if (!value.isEmpty() && value.chars().allMatch(ShellText::plain)) {
      return option;
    }
    return option.substring(0, eq + 1)
        + '"'
        + value.replace("\\", "\\\\").replace("\"", "\\\"")
        + '"';
  }

  /** Text for a {@code #} comment line of the script: kept on that one line. */
  static String comment(String text) {
    require(text, Place.LINE);
    return text;
  }

  private static void require(String text, Place place) {
    String why = refusal(text, place);
    if (why != null) {
      // Validation refuses such text with its origin before a script is rendered.
      throw new IllegalArgumentException(
          "text for an array script holds "
              + why
              + ": "
              + text.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0"));
    }
  }

  private static boolean plain(int c) {
    return c < 128 && (Character.isLetterOrDigit(c) || "-_.,:@%/+=[]".indexOf(c) >= 0);
  }

  /** A path inside an sbatch file-name pattern, where {@code %} starts a replacement. */
  static String filenamePattern(String path) {
    require(path, Place.PATTERN_PATH);
    return path.replace("%", "%%");
  }
}
