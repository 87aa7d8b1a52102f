package dev.hydra4j.launch;

import dev.hydra4j.compose.Composition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One kind of launcher ({@code local}, {@code slurm}, …): everything planning, status and kill need
 * from it, so that they name no concrete launcher. A kind is found by {@code hydra.launcher.name}
 * in {@code dev.hydra4j.launch.registry.Launchers}; a new engine is one new package and one line
 * there.
 *
 * <p>A kind is stateless; what belongs to one sweep lives in the {@link LaunchSetup} it returns.
 */
public interface LauncherKind {

  /** The name {@code hydra.launcher.name} selects it by. */
  String name();

  /**
   * Reads and checks the sweep-level launcher settings of {@code composition}, before any directory
   * exists.
   *
   * @param follow {@code --wait}: a launch that would return once its jobs are submitted follows
   *     them until they end instead
   * @throws dev.hydra4j.config.ConfigException naming the setting and where it was set
   */
  LaunchSetup configure(Composition composition, boolean follow);

  /**
   * The states of a sweep's jobs as this kind knows them: the status files, and whatever the engine
   * itself can say (a scheduler's queue and accounting).
   *
   * @param jobDirs every job of the sweep, number to directory
   * @param patience how long to wait for an engine that does not answer
   */
  SweepObservation observe(Path sweepDir, Map<Integer, Path> jobDirs, Duration patience);

  /**
   * Stops the sweep's pending and running jobs from any shell; finished jobs are never touched.
   *
   * @return the exit code: 0 when stopped or nothing ran, 1 when it could not
   */
  int cancel(Path sweepDir, Map<Integer, Path> jobDirs, PrintStream out) throws IOException;

  /**
   * Whether {@code sweepDir} holds the traces of a launch by this kind: for a sweep whose plan does
   * not name its launcher.
   */
  default boolean launched(Path sweepDir) {
    return false;
  }
}
