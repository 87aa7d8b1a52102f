package dev.hydra4j;

import dev.hydra4j.config.ConfigException;
import java.util.List;

/**
 * The one exception of hydra4j's library API: bad input (a config file, an override, a value of the
 * wrong type, a record that does not match the config). It lists every problem found, each with the
 * key, what is wrong and the file:line of the value, plus a hint that fixes it when there is one.
 * {@link #getMessage()} is the whole report.
 *
 * <pre>{@code
 * try {
 *   Training t = cfg.bind("training", Training.class);
 * } catch (Hydra4jException e) {
 *   System.err.println(e.getMessage());
 *   // 2 problems binding 'training' to Training:
 *   //   training.lr: expected an int, got 0.01 (a float) at conf/training/base.yaml:4:5
 *   //   training.model: unknown key: Training has no component 'model' (it has epochs,
 *   //     lr) at conf/training/base.yaml:6:8
 *   System.exit(2);
 * }
 * }</pre>
 */
public final class Hydra4jException extends RuntimeException {

  /**
   * One thing wrong with the input.
   *
   * @param key the dotted key it is about, or empty for the whole config
   * @param message what is wrong, e.g. {@code expected an int, got 'ten'}
   * @param origin where the value (or the map that lacks a key) was set
   */
  public record Problem(String key, String message, Origin origin) {

    /** {@code key: message at origin}. */
    @Override
    public String toString() {
      String at = origin == null || origin.equals(Origin.UNKNOWN) ? "" : " at " + origin;
      return (key.isEmpty() ? "" : key + ": ") + message + at;
    }
  }

  private final String headline;
  private final List<Problem> problems;
  private final String hint;

  Hydra4jException(String headline, List<Problem> problems, String hint, Throwable cause) {
    super(render(headline, problems, hint), cause);
    this.headline = headline;
    this.problems = List.copyOf(problems);
    this.hint = hint;
  }

  /** The same error as one of hydra4j's own (composition, interpolation, parsing). */
  static Hydra4jException of(ConfigException e) {
    String detail = e.detail();
    String message = detail.isEmpty() ? e.getMessage() : e.getMessage() + "\n" + detail;
    Problem problem = new Problem("", message, Origin.of(e.origin()));
    return new Hydra4jException(e.getMessage(), List.of(problem), e.hint(), e);
  }

  /** What went wrong as a whole, e.g. {@code 3 problems binding 'training' to Training}. */
  public String headline() {
    return headline;
  }

  /** Every problem found, in the order of the config; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  /** The origin of the first problem. */
  public Origin origin() {
    return problems.get(0).origin();
  }

  /** How to fix it, or {@code null}. */
  public String hint() {
    return hint;
  }

  /** The whole report, as {@link #getMessage()}: it is what a user should see. */
  @Override
  @SuppressWarnings("OverrideThrowableToString") // no class name before a user's error
  public String toString() {
    return getMessage();
  }

  private static String render(String headline, List<Problem> problems, String hint) {
    StringBuilder out = new StringBuilder();
    if (problems.size() == 1 && problems.get(0).key().isEmpty()) {
      Problem only = problems.get(0);
      out.append(only.message());
      if (!only.origin().equals(Origin.UNKNOWN) && !only.message().contains("\n")) {
        out.append("\n  at ").append(only.origin());
      }
    } else {
      out.append(headline).append(':');
      for (Problem p : problems) {
        out.append("\n  ").append(p);
      }
    }
    if (hint != null && !hint.isEmpty()) {
      out.append("\n  hint: ").append(hint);
    }
    return out.toString();
  }
}
