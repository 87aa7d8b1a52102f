package dev.hydra4j.search;

/** A trial's state, named as Optuna names them so that a study reads familiar. */
enum TrialState {
  /** Suggested and handed to the launcher, not yet ended. */
  RUNNING,
  /** Ended with every objective value read. */
  COMPLETE,
  /** Stopped early by the pruner; its intermediate values are kept. */
  PRUNED,
  /** The job failed, or ended without the objective in its metrics. */
  FAIL
}
