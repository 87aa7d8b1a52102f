package dev.hydra4j;

/**
 * Where a config value came from: a line of a config file, a command-line override, or something
 * hydra4j built itself. Every value of a {@link Config} has one, and every {@link
 * Hydra4jException.Problem} names the origin of the value it is about.
 *
 * <pre>{@code
 * Origin at = cfg.origin("training.lr");
 * System.out.println(at);          // conf/training/base.yaml:4:5
 * System.out.println(at.line());   // 4
 * }</pre>
 *
 * @param description what set the value, e.g. {@code conf/training/base.yaml} or {@code override
 *     'training.lr=0.1'}
 * @param file the file as shown to the user, or {@code null} when not from a file
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Origin(String description, String file, int line, int column) {

  /** The origin of values with no better place to point at. */
  public static final Origin UNKNOWN = new Origin("hydra4j built-in", null, 0, 0);

  static Origin of(dev.hydra4j.config.Origin origin) {
    return origin == null
        ? UNKNOWN
        : new Origin(origin.description(), origin.file(), origin.line(), origin.column());
  }

  dev.hydra4j.config.Origin toTree() {
    return new dev.hydra4j.config.Origin(description, file, line, column);
  }

  /** Whether the value came from a file (then {@link #file()} is not {@code null}). */
  public boolean isFile() {
    return file != null;
  }

  /** {@code file:line:column} for values from a file, the description otherwise. */
  @Override
  public String toString() {
    return toTree().toString();
  }
}
