package dev.hydra4j.execute;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.LaunchSetup;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.LauncherKind;
import dev.hydra4j.launch.registry.Launchers;
import dev.hydra4j.sweep.BasicSweeperSettings;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The launcher a composition selects ({@code hydra.launcher.name}, found in {@link Launchers}) and
 * its settings for one sweep: every job is checked as the sweep is planned ({@link #check}), and
 * the engine asked once before anything is written ({@link #preflight}).
 */
final class LaunchSettings {

  private final Composition composition;
  private final HydraSettings settings;
  private final String name;
  private final boolean waitForJobs;
  private LaunchSetup setup;

  LaunchSettings(Composition composition) {
    this(composition, false);
  }

  /**
   * @param waitForJobs {@code --wait}: a launch that returns once its jobs are submitted follows
   *     them until they end
   */
  LaunchSettings(Composition composition, boolean waitForJobs) {
    this.composition = composition;
    this.settings = new HydraSettings(composition);
    this.name = settings.text("hydra.launcher.name", "local");
    this.waitForJobs = waitForJobs;
  }

  String name() {
    return name;
  }

  /**
   * Reads every launcher setting once, so that a bad one is reported before the sweep directory
   * exists rather than after it was created and left half-written.
   */
  LaunchSettings checked(Path sweepDir) {
    var dir = settings.node("hydra.sweep.dir");
    setup().checkSweepDir(sweepDir, dir == null ? Origin.of("hydra.sweep.dir") : dir.origin());
    options(sweepDir);
    maxBatchSize();
    return this;
  }

  /** The selected kind configured with this composition's settings, read once. */
  private LaunchSetup setup() {
    if (setup == null) {
      LauncherKind kind =
          Launchers.named(name)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "Unknown launcher '" + name + "'",
                          settings.node("hydra.launcher.name").origin(),
                          "choose one of: "
                              + String.join(
                                  ", ",
                                  Launchers.names().stream()
                                      .map(n -> "hydra/launcher=" + n)
                                      .toList())));
      setup = kind.configure(composition, waitForJobs);
    }
    return setup;
  }

  Launcher launcher() {
    return setup().launcher();
  }

  /** How a pipeline stage waits for {@code stage} on this launcher, or null: see LaunchSetup. */
  String upstreamWait(String stage, boolean each) {
    return setup().upstreamWait(stage, each);
  }

  /** Checks that the job's program can be started, where the launcher needs it to be here. */
  void checkCommand(PreparedJob job) {
    if (setup().needsProgramHere(JobPreparer.spec(job))) {
      Commands.requireRunnable(job);
    }
  }

  /**
   * Checks one planned job's own launcher settings. A job without a command is code run in this JVM
   * ({@code Hydra4j.main}): no launcher ever sees it.
   */
  void check(PreparedJob job) {
    if (!job.argv().isEmpty()) {
      setup().checkJob(JobPreparer.spec(job));
    }
  }

  /** Asks the engine whether it would take every job seen by {@link #check}; nothing is written. */
  void preflight() {
    setup().preflight();
  }

  /** For {@code --dry-run}: what the launcher would do with {@code jobs}, beyond the job table. */
  void preview(Path sweepDir, JobSource jobs, PrintStream out, PrintStream err) {
    setup().preview(sweepDir, jobs, out, err);
  }

  /** Whether trials can be handed over one by one as slots free up (an adaptive sweeper). */
  boolean runsJobsAsSlotsFree() {
    return setup().runsJobsAsSlotsFree();
  }

  /** The launcher of an adaptive sweeper: {@code slots} jobs in flight, asked for one by one. */
  Launcher slotLauncher(int slots) {
    return setup().slotLauncher(slots);
  }

  /** Whether a job left running by a killed launcher is followed rather than refused. */
  boolean followsJobsLeftRunning() {
    return setup().followsJobsLeftRunning();
  }

  LaunchOptions options(Path sweepDir) {
    return setup().options(sweepDir);
  }

  /**
   * The options of a single run, which runs here whatever the launcher: a launcher this machine
   * does not know (one of a Python Hydra tree) gives the defaults rather than an error.
   */
  LaunchOptions singleRunOptions(Path runDir) {
    return Launchers.named(name).isPresent() ? options(runDir) : LaunchOptions.defaults(runDir);
  }

  /** Hydra's {@code hydra.sweeper.max_batch_size}: jobs per batch, 0 for all at once. */
  int maxBatchSize() {
    return BasicSweeperSettings.of(composition).whole("max_batch_size").intValue();
  }
}
