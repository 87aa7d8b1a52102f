package dev.hydra4j.config;

/**
 * Where a config value came from: a position in a config file, a command-line override, or
 * something hydra4j built itself. Carried by every node so that {@code --info config} and error
 * messages can name the place that set a value.
 *
 * @param description what set the value, e.g. {@code conf/training/base.yaml} or {@code override
 *     'training.lr=0.1'}
 * @param file the file path as shown to the user, or {@code null} when not from a file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Origin(String description, String file, int line, int column) {

  /** Built-in values with no better place to point at. */
  public static final Origin BUILT_IN = new Origin("hydra4j built-in", null, 0, 0);

  public static Origin ofFile(String file, int line, int column) {
    return new Origin(file, file, line, column);
  }

  public static Origin ofOverride(String overrideText) {
    return new Origin("override '" + overrideText + "'", null, 0, 0);
  }

  public static Origin of(String description) {
    return new Origin(description, null, 0, 0);
  }

  /** The same file, at another position. */
  public Origin at(int newLine, int newColumn) {
    return new Origin(description, file, newLine, newColumn);
  }

  public boolean isFile() {
    return file != null;
  }

  /** {@code file:line:column} for file origins, the description otherwise. */
  @Override
  public String toString() {
    if (file == null) {
      return description;
    }
    if (line <= 0) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
