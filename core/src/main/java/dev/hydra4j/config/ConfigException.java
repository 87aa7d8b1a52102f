package dev.hydra4j.config;

/**
 * A problem with the user's input — a config file, an override, a setting — that stops hydra4j
 * before anything runs. It carries where the problem is and, when there is one, how to fix it; the
 * CLI renders every such error the same way and exits with 2.
 */
public class ConfigException extends RuntimeException {

  private final Origin origin;
  private final String hint;

  public ConfigException(String message, Origin origin, String hint) {
    super(message);
    this.origin = origin;
    this.hint = hint;
  }

  public ConfigException(String message, Origin origin, String hint, Throwable cause) {
    super(message, cause);
    this.origin = origin;
    this.hint = hint;
  }

  public ConfigException(String message) {
    this(message, null, null);
  }

  /** The place that caused the problem, or {@code null}. */
  public Origin origin() {
    return origin;
  }

  /** A suggestion that fixes the problem, or {@code null}. */
  public String hint() {
    return hint;
  }

  /** Lines shown under the message (e.g. the override with a caret), or empty. */
  public String detail() {
    return "";
  }

  /** The whole message as the CLI prints it, without the {@code error: } prefix. */
  public String render() {
    StringBuilder out = new StringBuilder(getMessage());
    String detail = detail();
    if (!detail.isEmpty()) {
      out.append('\n').append(detail);
    }
    if (origin != null && detail.isEmpty()) {
      out.append("\n  at ").append(origin);
    }
    if (hint != null && !hint.isEmpty()) {
      out.append("\n  hint: ").append(hint);
    }
    return out.toString();
  }
}
