package dev.hydra4j.launch;

import java.io.IOException;
import java.util.List;

/**
 * Runs the jobs of a sweep somewhere and records their states in their job directories. A launcher
 * runs exactly the jobs it is given: to resume, the caller passes only the jobs that have not
 * COMPLETED (see {@link dev.hydra4j.run.SweepState}) and the earlier states in {@link
 * LaunchOptions#previous()}.
 */
public interface Launcher {

  /**
   * Runs {@code jobs} and returns when all have ended, the failure policy stopped the sweep, or a
   * stop was requested. Writes {@code summary.json} and {@code launcher.log} in the sweep
   * directory.
   *
   * @throws IOException when the sweep directory cannot be written
   */
  SweepResult launch(JobSource jobs, LaunchOptions options) throws IOException;

  /**
   * Whether a job's {@code .hydra/} files must be flushed to disk before the job is handed over. A
   * launcher that runs its tasks on this machine and keeps the sweep's state in a flushed journal
   * answers false: its tasks read the files from the page cache, which a killed launcher does not
   * lose.
   */
  default boolean needsFlushedJobFiles() {
    return true;
  }

  /**
   * Whether this launcher makes a pipeline stage's jobs wait for their upstream jobs itself (a
   * scheduler's job dependencies, read from the stage's {@code stage.json}); if not, a stage's job
   * is handed over only once its upstream jobs have completed.
   */
  default boolean waitsForUpstream() {
    return false;
  }

  default SweepResult launch(List<JobSpec> jobs, LaunchOptions options) throws IOException {
    return launch(JobSource.of(jobs), options);
  }
}
