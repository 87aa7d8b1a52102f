package dev.hydra4j.launch;

import dev.hydra4j.run.JobStatus;
import java.util.List;

/**
 * What a launcher kind knows of a sweep's jobs at one moment (see {@link LauncherKind#observe}).
 */
public interface SweepObservation {

  /** Job {@code num}'s truthful state; never started is PENDING. */
  JobStatus status(int num);

  /** The heading of an extra status column naming each job in the engine, or null for none. */
  default String engineColumn() {
    return null;
  }

  /** Job {@code num}'s name in the engine ({@code 1234_5}), or null when it has none. */
  default String engineId(int num) {
    return null;
  }

  /**
   * Whether job {@code num} was recorded RUNNING but its process is gone with nobody to record its
   * end (its launcher was killed): {@code resume} runs it again.
   */
  default boolean lost(int num) {
    return false;
  }

  /** Lines that describe the launch itself (the arrays submitted, the launcher's process). */
  List<String> launch();

  /** What could not be read or asked, one line each. */
  List<String> notes();

  /**
   * Records in the status files the final states only the engine saw (a job cancelled while pending
   * never wrote one), so that resume and rerun choose from the truth.
   */
  default void recordFinalStates() {}
}
