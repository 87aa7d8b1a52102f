package dev.hydra4j.execute;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.FailurePolicy;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.launch.local.LocalLauncher;
import dev.hydra4j.launch.local.LocalLauncherSettings;
import dev.hydra4j.launch.slurm.SlurmClient;
import dev.hydra4j.launch.slurm.SlurmLauncher;
import dev.hydra4j.launch.slurm.SlurmSettings;
import dev.hydra4j.settings.CheckedSettings;
import dev.hydra4j.sweep.BasicSweeperSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The launcher a composition selects ({@code hydra/launcher}: {@code local} or {@code slurm}) and
 * its settings. For SLURM it also checks every job's settings as the sweep is planned ({@link
 * #check}) and asks the cluster before anything is written ({@link #preflight}).
 */
final class LaunchSettings {

  private final Composition composition;
  private final HydraSettings settings;
  private final String name;
  private CheckedSettings local;
  private LocalLauncher localLauncher;
  private final boolean waitForJobs;
  private final Set<SlurmSettings> slurmSettings = new LinkedHashSet<>();

  LaunchSettings(Composition composition) {
    this(composition, false);
  }

  /**
   * @param waitForJobs {@code --wait}: a SLURM launch follows its jobs until they end
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
    launcher();
    if (isSlurm()) {
      var dir = settings.node("hydra.sweep.dir");
      SlurmLauncher.checkSweepDir(
          sweepDir, dir == null ? dev.hydra4j.config.Origin.of("hydra.sweep.dir") : dir.origin());
    }
    options(sweepDir);
    maxBatchSize();
    return this;
  }

  /**
   * The local launcher's settings, checked against {@link LocalLauncherSettings#SCHEMA}: the one
   * place their kinds and ranges are enforced. SLURM's are checked by {@link SlurmLauncher#check}
   * for every job.
   */
  private CheckedSettings local() {
    if (local == null) {
      local = LocalLauncherSettings.SCHEMA.check(composition);
    }
    return local;
  }

  boolean isSlurm() {
    return name.equals("slurm");
  }

  Launcher launcher() {
    if (isSlurm()) {
      return new SlurmLauncher(new SlurmClient(), waitForJobs);
    }
    if (!name.equals("local")) {
      throw new ConfigException(
          "Unknown launcher '" + name + "'",
          settings.node("hydra.launcher.name").origin(),
          "choose hydra/launcher=local or hydra/launcher=slurm");
    }
    LocalLauncher localLauncher = localLauncher();
    // The launcher's pid, so that `hydra4j kill` from another shell can stop the sweep.
    return new Launcher() {
      @Override
      public SweepResult launch(JobSource jobs, LaunchOptions options) throws IOException {
        LauncherProcess.record(options.sweepDir());
        try {
          return localLauncher.launch(jobs, options);
        } finally {
          LauncherProcess.clear(options.sweepDir());
        }
      }

      @Override
      public boolean flushesJobFiles() {
        return localLauncher.flushesJobFiles();
      }
    };
  }

  /** Made once: {@code gpus: auto} runs nvidia-smi. */
  private LocalLauncher localLauncher() {
    if (localLauncher == null) {
      localLauncher =
          new LocalLauncher(
              local().whole("n_jobs").intValue(), LocalLauncherSettings.gpuSlots(local()));
    }
    return localLauncher;
  }

  /** What {@code --dry-run} shows of the local launcher's plan (its GPU slots), if anything. */
  List<String> localPreview() {
    return isSlurm() ? List.of() : localLauncher().preview();
  }

  /**
   * Checks that the job's program can be started here. On SLURM only when the job has no {@code
   * setup} lines: those (module load, a virtualenv) may put it on the node's PATH.
   */
  void checkCommand(PreparedJob job) {
    if (!isSlurm() || SlurmLauncher.check(JobPreparer.spec(job)).setup().isEmpty()) {
      Commands.requireRunnable(job);
    }
  }

  /**
   * Checks one planned job's launcher settings; for SLURM, also remembers its resource set for
   * {@link #preflight}.
   */
  void check(PreparedJob job) {
    if (isSlurm()) {
      slurmSettings.add(SlurmLauncher.check(JobPreparer.spec(job)));
    } else {
      // A job's own settings (a swept timeout_min) are checked like the sweep's.
      LocalLauncherSettings.SCHEMA.check(job.launcher(), job.launcher()::get);
    }
  }

  /**
   * For SLURM: checks that the cluster answers and would accept every resource set seen by {@link
   * #check}, before a sweep directory exists. Nothing for the local launcher.
   */
  void preflight() {
    if (!isSlurm() || slurmSettings.isEmpty()) {
      return;
    }
    try {
      new SlurmLauncher(new SlurmClient(), waitForJobs).preflight(slurmSettings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LaunchOptions options(Path sweepDir) {
    if (!name.equals("local")) {
      return LaunchOptions.defaults(sweepDir);
    }
    CheckedSettings checked = local();
    Long maxFailures = checked.whole("max_failures");
    FailurePolicy policy =
        switch (checked.text("on_failure")) {
          case "fail-fast" -> FailurePolicy.failFast();
          default ->
              maxFailures == null
                  ? FailurePolicy.keepGoing()
                  : FailurePolicy.maxFailures(maxFailures.intValue());
        };
    return LaunchOptions.defaults(sweepDir)
        .withFailurePolicy(policy)
        .withRetries(checked.whole("retries").intValue())
        .withKillGrace(Duration.ofMillis(Math.round(checked.decimal("kill_grace_s") * 1000)));
  }

  /** Hydra's {@code hydra.sweeper.max_batch_size}: jobs per batch, 0 for all at once. */
  int maxBatchSize() {
    return BasicSweeperSettings.of(composition).whole("max_batch_size").intValue();
  }
}
