package dev.hydra4j.override;

/** The kind of an override's value, named as Hydra names it. */
public enum ValueType {
  ELEMENT,
  CHOICE_SWEEP,
  SIMPLE_CHOICE_SWEEP,
  RANGE_SWEEP,
  INTERVAL_SWEEP,
  GLOB_CHOICE_SWEEP
}
