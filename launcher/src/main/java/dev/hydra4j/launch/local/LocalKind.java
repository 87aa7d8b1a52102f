package dev.hydra4j.launch.local;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.launch.FailurePolicy;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.LaunchSetup;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.LauncherKind;
import dev.hydra4j.launch.SweepObservation;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.SweepState;
import dev.hydra4j.settings.CheckedSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code hydra/launcher=local}: jobs run as processes of this machine, {@code n_jobs} at once. */
public final class LocalKind implements LauncherKind {

  @Override
  public String name() {
    return "local";
  }

  @Override
  public LaunchSetup configure(Composition composition, boolean follow) {
    CheckedSettings settings = LocalLauncherSettings.SCHEMA.check(composition);
    // Here, so that a bad GPU list is refused before anything is written; auto asks nvidia-smi.
    return new Setup(settings, LocalLauncherSettings.gpuSlots(settings));
  }

  /** Reads the job directories when first asked: resume only records final states, a no-op here. */
  @Override
  public SweepObservation observe(Path sweepDir, Map<Integer, Path> jobDirs, Duration patience) {
    return new Observation(sweepDir, jobDirs);
  }

  @Override
  public int cancel(Path sweepDir, Map<Integer, Path> jobDirs, PrintStream out) throws IOException {
    return LauncherProcess.stop(sweepDir, out);
  }

  /** A launcher of one job on this machine, whatever the sweep's launcher: {@code run-job}. */
  public static Launcher oneJob() {
    return new LocalLauncher(1);
  }

  private record Setup(CheckedSettings settings, GpuSlots gpus) implements LaunchSetup {

    @Override
    public void checkJob(JobSpec job) {
      // A job's own settings (a swept timeout_min) are checked like the sweep's.
      CheckedSettings own = LocalLauncherSettings.SCHEMA.check(job.launcher(), job.launcher()::get);
      LocalLauncherSettings.requireSweepGpus(settings, own);
    }

    @Override
    public LaunchOptions options(Path sweepDir) {
      Long maxFailures = settings.whole("max_failures");
      FailurePolicy policy =
          switch (settings.text("on_failure")) {
            case "fail-fast" -> FailurePolicy.failFast();
            default ->
                maxFailures == null
                    ? FailurePolicy.keepGoing()
                    : FailurePolicy.maxFailures(maxFailures.intValue());
          };
      return LaunchOptions.defaults(sweepDir)
          .withFailurePolicy(policy)
          .withRetries(settings.whole("retries").intValue())
          .withKillGrace(Duration.ofMillis(Math.round(settings.decimal("kill_grace_s") * 1000)));
    }

    @Override
    public Launcher launcher() {
      return slotLauncher((int) settings.whole("n_jobs").longValue());
    }

    /** The local launcher asks for a job whenever one of its workers is free. */
    @Override
    public Launcher slotLauncher(int slots) {
      LocalLauncher local = new LocalLauncher(slots, gpus);
      // The launcher's pid, so that `hydra4j kill` from another shell can stop the sweep.
      return new Launcher() {
        @Override
        public SweepResult launch(JobSource jobs, LaunchOptions options) throws IOException {
          LauncherProcess.record(options.sweepDir());
          try {
            return local.launch(jobs, options);
          } finally {
            LauncherProcess.clear(options.sweepDir());
          }
        }

        @Override
        public boolean needsFlushedJobFiles() {
          return local.needsFlushedJobFiles();
        }
      };
    }

    private LocalLauncher localLauncher() {
      return new LocalLauncher((int) settings.whole("n_jobs").longValue(), gpus);
    }

    /** The GPU slots, when there are any: which job gets which is only known at run time. */
    @Override
    public void preview(Path sweepDir, JobSource jobs, PrintStream out, PrintStream err) {
      localLauncher().preview().forEach(out::println);
    }

    @Override
    public boolean runsJobsAsSlotsFree() {
      return true;
    }
  }

  private static final class Observation implements SweepObservation {

    private final Path sweepDir;
    private final Map<Integer, Path> jobDirs;
    private SweepState state;

    Observation(Path sweepDir, Map<Integer, Path> jobDirs) {
      this.sweepDir = sweepDir;
      this.jobDirs = jobDirs;
    }

    private SweepState state() {
      if (state == null) {
        try {
          state = SweepState.read(sweepDir, jobDirs);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return state;
    }

    @Override
    public JobStatus status(int num) {
      // A job recorded RUNNING whose process is gone (its launcher was killed) is shown as
      // what it is.
      return state().effective(num);
    }

    @Override
    public boolean lost(int num) {
      return state().status(num).state() == JobState.RUNNING
          && state().effective(num).state() == JobState.INTERRUPTED;
    }

    @Override
    public List<String> notes() {
      List<String> notes = new ArrayList<>();
      if (state().journalDamage() != null) {
        notes.add("journal: " + state().journalDamage());
      }
      state().unreadable().forEach((file, why) -> notes.add("unreadable: " + why));
      return notes;
    }

    @Override
    public List<String> launch() {
      try {
        return LauncherProcess.read(sweepDir)
            .map(
                p ->
                    List.of(
                        "launcher pid "
                            + p.pid()
                            + " on "
                            + p.host()
                            + (p.isAliveHere() ? " (running)" : "")))
            .orElse(List.of());
      } catch (IOException | RuntimeException e) {
        return List.of(); // the record is only a convenience for kill
      }
    }
  }
}
