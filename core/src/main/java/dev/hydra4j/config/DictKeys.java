package dev.hydra4j.config;

/**
 * Dict keys as Python Hydra names them. A key written as a number or boolean (in YAML or in an
 * override such as {@code x={true: 1}}) is typed first, and OmegaConf's key is then what Python's
 * {@code str()} gives: {@code True}, {@code 16} for {@code 0x10}, {@code 3.14} for {@code 3.140}.
 * The config tree keys maps by that text.
 */
public final class DictKeys {

  private DictKeys() {}

  /** The key text for a typed key; {@code null} for a null key, which Hydra refuses. */
  public static String of(Object typed) {
    if (typed == null) {
      return null;
    }
    if (typed instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (typed instanceof Double d) {
      return PythonFloat.repr(d);
    }
    return String.valueOf(typed);
  }
}
