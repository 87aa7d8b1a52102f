package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;

/**
 * A {@code ${…}} that cannot be resolved. The origin is the node holding the interpolation (or the
 * command word that contains it); {@link #key()} names that node's key.
 */
public final class InterpolationException extends ConfigException {

  /** What went wrong; tests and callers branch on this rather than on message text. */
  public enum Kind {
    /** The text after <code>${</code> does not follow the interpolation grammar. */
    SYNTAX,
    /** A referenced key does not exist. */
    KEY_NOT_FOUND,
    /** A referenced key holds {@code ???}. */
    MISSING_VALUE,
    /** Interpolations refer to each other in a loop. */
    CYCLE,
    /** {@code ${name:…}} names no registered resolver. */
    UNKNOWN_RESOLVER,
    /** A resolver was called and could not produce a value. */
    RESOLVER_FAILED,
    /** References nest deeper than hydra4j follows. */
    TOO_DEEP,
    /** An interpolation builds a string longer than hydra4j allows. */
    TOO_LONG
  }

  private final Kind kind;
  private final ConfigPath key;
  private final String detail;

  InterpolationException(
      Kind kind, String message, ConfigPath key, Origin origin, String hint, String detail) {
    super(message, origin, hint);
    this.kind = kind;
    this.key = key;
    this.detail = detail == null ? "" : detail;
  }

  public Kind kind() {
    return kind;
  }

  /** The key of the node holding the interpolation, or {@code null} for a command word. */
  public ConfigPath key() {
    return key;
  }

  @Override
  public String detail() {
    return detail;
  }
}
