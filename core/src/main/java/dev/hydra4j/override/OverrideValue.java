package dev.hydra4j.override;

/**
 * The right-hand side of an override: a single {@link Element}, or one of the sweeps ({@link
 * ChoiceSweep}, {@link RangeSweep}, {@link IntervalSweep}, {@link GlobSweep}).
 */
public sealed interface OverrideValue permits Element, Sweep {

  ValueType valueType();

  default boolean isSweep() {
    return this instanceof Sweep;
  }

  /**
   * Text that parses back to an equal value. For an element it is the form written after {@code
   * key=}; for a sweep, the function call (or comma list) that builds it.
   */
  String toOverrideText();
}
