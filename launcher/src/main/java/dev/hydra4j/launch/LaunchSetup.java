package dev.hydra4j.launch;

import dev.hydra4j.config.Origin;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A launcher kind configured for one sweep (see {@link LauncherKind#configure}): checks the sweep's
 * jobs before anything is written, previews them for {@code --dry-run}, and launches them.
 *
 * <p>Planning calls, in order: {@link #checkSweepDir}, {@link #checkJob} for every job, {@link
 * #preflight} once, then either {@link #preview} or {@link #launcher}.
 */
public interface LaunchSetup {

  /**
   * Checks that this launcher can use {@code sweepDir} (a scheduler script may not be able to name
   * every path).
   *
   * @param origin where {@code hydra.sweep.dir} was set
   */
  default void checkSweepDir(Path sweepDir, Origin origin) {}

  /**
   * Checks one planned job's own launcher settings (a swept {@code timeout_min}, a swept
   * partition).
   *
   * @throws dev.hydra4j.config.ConfigException naming the setting and where it was set
   */
  void checkJob(JobSpec job);

  /**
   * Whether the job's program must be found on this machine's PATH before the sweep starts. A
   * remote node may find it only after the job's setup lines (module load, a virtualenv) ran.
   */
  default boolean needsProgramHere(JobSpec job) {
    return true;
  }

  /**
   * Asks the engine, once per sweep and before anything is written, whether it would take every job
   * seen by {@link #checkJob}.
   */
  default void preflight() {}

  /**
   * Prints, for {@code --dry-run}, what this launcher would do with {@code jobs} beyond the table
   * of jobs (a scheduler's scripts); nothing is started or queued. A job is prepared only when
   * asked for.
   *
   * @param out the preview itself
   * @param err one line on what was checked
   */
  default void preview(Path sweepDir, JobSource jobs, PrintStream out, PrintStream err) {}

  /**
   * How a pipeline stage's jobs will wait for those of {@code stage} under this launcher, for
   * {@code --dry-run} (a scheduler's dependency option); {@code null} when hydra4j holds them back
   * itself ({@link Launcher#waitsForUpstream()} false).
   *
   * @param each job {@code i} waits for upstream job {@code i} only
   */
  default String upstreamWait(String stage, boolean each) {
    return null;
  }

  /** The options of a launch into {@code sweepDir}: failure policy, retries, kill grace. */
  LaunchOptions options(Path sweepDir);

  /** The launcher that runs the jobs. */
  Launcher launcher();

  /**
   * Whether it can take jobs one by one as slots free up, waiting for each to end: what an adaptive
   * sweeper needs to suggest the next trial from the results so far.
   */
  default boolean runsJobsAsSlotsFree() {
    return false;
  }

  /**
   * The launcher of an adaptive sweeper, when {@link #runsJobsAsSlotsFree}: at most {@code slots}
   * jobs in flight, and the next job asked of the {@link JobSource} only when one has ended, so
   * that a trial is chosen, and its files written, knowing every result so far.
   */
  default Launcher slotLauncher(int slots) {
    throw new UnsupportedOperationException("this launcher cannot take jobs as slots free up");
  }

  /**
   * Whether a job still running from an earlier launch of the sweep (whose launcher was killed) is
   * followed by {@link #slotLauncher} rather than started again: the engine, not the launcher, runs
   * it. If not, such a job must be refused before a new launch, or it would run twice.
   */
  default boolean followsJobsLeftRunning() {
    return false;
  }
}
