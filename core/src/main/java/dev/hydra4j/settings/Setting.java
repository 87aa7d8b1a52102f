package dev.hydra4j.settings;

/**
 * One declared setting.
 *
 * @param key the key under the schema's prefix, e.g. {@code n_jobs}
 * @param kind what it accepts
 * @param nullable whether {@code null} is allowed (it then means {@code fallback})
 * @param fallback the value when the key is absent or null (may be {@code null})
 */
public record Setting(String key, SettingKind kind, boolean nullable, Object fallback) {

  /** A setting that must hold a value when present; absent means {@code fallback}. */
  public static Setting of(String key, SettingKind kind, Object fallback) {
    return new Setting(key, kind, false, fallback);
  }

  /** A setting where {@code null} (or absence) means {@code fallback}. */
  public static Setting optional(String key, SettingKind kind, Object fallback) {
    return new Setting(key, kind, true, fallback);
  }
}
