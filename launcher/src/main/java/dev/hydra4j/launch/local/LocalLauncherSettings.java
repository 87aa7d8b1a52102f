package dev.hydra4j.launch.local;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.settings.CheckedSettings;
import dev.hydra4j.settings.Setting;
import dev.hydra4j.settings.SettingKind.Decimal;
import dev.hydra4j.settings.SettingKind.OneOf;
import dev.hydra4j.settings.SettingKind.WholeNumber;
import dev.hydra4j.settings.SettingKind.WholeNumbers;
import dev.hydra4j.settings.SettingsSchema;
import java.util.List;

/**
 * The settings of {@code hydra/launcher=local}, with their ranges (the README's table of the local
 * launcher lists the same). The bounds are where a value stops making sense on one machine, and
 * keep every value inside the types it is used as (milliseconds, {@code int}).
 */
public final class LocalLauncherSettings {

  /** {@code gpus: auto}: the GPUs {@code nvidia-smi -L} lists. */
  static final String AUTO = "auto";

  /** Jobs at once: more processes than this on one machine is a typo. */
  public static final long MAX_N_JOBS = 10_000;

  /** A job's time limit: at most a year. */
  public static final double MAX_TIMEOUT_MIN = 525_600;

  public static final SettingsSchema SCHEMA =
      new SettingsSchema(
          "hydra.launcher",
          "the local launcher",
          List.of(
              Setting.of("name", new OneOf(List.of("local")), "local"),
              Setting.of("n_jobs", new WholeNumber(1, MAX_N_JOBS, "4"), 1L),
              Setting.optional("timeout_min", new Decimal(0, false, MAX_TIMEOUT_MIN, "30"), null),
              Setting.of("on_failure", new OneOf(List.of("keep-going", "fail-fast")), "keep-going"),
              Setting.optional("max_failures", new WholeNumber(1, Integer.MAX_VALUE, "3"), null),
              Setting.of("retries", new WholeNumber(0, 100, "2"), 0L),
              Setting.of("kill_grace_s", new Decimal(0, true, 3600, "10"), 10.0),
              Setting.optional(
                  "gpus", new WholeNumbers(0, Long.MAX_VALUE, List.of(AUTO), "[0,1,2,3]"), null),
              Setting.optional("gpus_per_job", new WholeNumber(1, Long.MAX_VALUE, "2"), null)));

  private LocalLauncherSettings() {}

  /**
   * The GPU slots {@code gpus} and {@code gpus_per_job} describe; {@code auto} asks {@code
   * nvidia-smi -L}.
   *
   * @throws ConfigException when {@code gpus_per_job} is more than the GPUs there are, or is set
   *     without {@code gpus}, at its origin
   */
  static GpuSlots gpuSlots(CheckedSettings settings) {
    return gpuSlots(settings, NvidiaSmi.COMMAND);
  }

  /**
   * The GPU slots belong to the sweep: a job whose {@code gpus} or {@code gpus_per_job} differ (a
   * swept {@code hydra.launcher.gpus_per_job=1,2}) is refused rather than silently given the
   * sweep's.
   */
  static void requireSweepGpus(CheckedSettings sweep, CheckedSettings job) {
    for (String key : List.of("gpus", "gpus_per_job")) {
      Object sweepValue = key.equals("gpus") ? gpusOf(sweep) : sweep.whole(key);
      Object jobValue = key.equals("gpus") ? gpusOf(job) : job.whole(key);
      if (!java.util.Objects.equals(sweepValue, jobValue)) {
        throw new ConfigException(
            "hydra.launcher."
                + key
                + "="
                + jobValue
                + " differs from the sweep's ("
                + sweepValue
                + "): GPU slots are shared by the whole sweep, not chosen per job",
            job.origin(key),
            "set it once for the sweep, not in a sweep or per job");
      }
    }
  }

  private static Object gpusOf(CheckedSettings settings) {
    List<Long> ids = settings.wholeNumbers("gpus");
    return ids != null ? ids : settings.text("gpus");
  }

  static GpuSlots gpuSlots(CheckedSettings settings, List<String> nvidiaSmi) {
    Long perJob = settings.whole("gpus_per_job");
    List<Long> gpus = settings.wholeNumbers("gpus");
    String note = null;
    String counted = "hydra.launcher.gpus lists " + (gpus == null ? 0 : gpus.size());
    if (AUTO.equals(settings.text("gpus"))) {
      NvidiaSmi.Listing found = NvidiaSmi.list(nvidiaSmi);
      gpus = found.ids();
      counted = String.join(" ", nvidiaSmi) + " lists " + gpus.size();
      if (found.problem() != null) {
        note = "hydra.launcher.gpus=auto: " + found.problem() + "; jobs get no GPU slots";
      }
      if (gpus.isEmpty()) {
        // On a machine without GPUs, auto is not an error: the same config runs on both.
        return GpuSlots.none(note);
      }
    }
    if (gpus == null || gpus.isEmpty()) {
      if (perJob != null) {
        throw new ConfigException(
            "hydra.launcher.gpus_per_job is set, but hydra.launcher.gpus names no GPU",
            settings.origin("gpus_per_job"),
            "list the GPUs jobs may use, e.g. hydra.launcher.gpus=[0,1,2,3] or"
                + " hydra.launcher.gpus=auto; or drop gpus_per_job");
      }
      return GpuSlots.NONE;
    }
    long each = perJob == null ? 1 : perJob;
    if (each > gpus.size()) {
      throw new ConfigException(
          "hydra.launcher.gpus_per_job="
              + each
              + " is more than the GPUs there are: "
              + counted
              + " GPU(s)",
          settings.origin("gpus_per_job"),
          "use at most hydra.launcher.gpus_per_job=" + gpus.size() + ", or list more GPUs");
    }
    return GpuSlots.of(gpus, (int) each, note);
  }
}
