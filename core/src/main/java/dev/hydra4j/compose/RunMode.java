package dev.hydra4j.compose;

/** Whether the config is composed for one run or for one job of a sweep. */
public enum RunMode {
  RUN,
  MULTIRUN
}
