package dev.hydra4j.launch.local;

import dev.hydra4j.settings.Setting;
import dev.hydra4j.settings.SettingKind.Decimal;
import dev.hydra4j.settings.SettingKind.OneOf;
import dev.hydra4j.settings.SettingKind.WholeNumber;
import dev.hydra4j.settings.SettingsSchema;
import java.util.List;

/**
 * The settings of {@code hydra/launcher=local}, with their ranges (the README's table of the local
 * launcher lists the same). The bounds are where a value stops making sense on one machine, and
 * keep every value inside the types it is used as (milliseconds, {@code int}).
 */
public final class LocalLauncherSettings {

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
              Setting.of("kill_grace_s", new Decimal(0, true, 3600, "10"), 10.0)));

  private LocalLauncherSettings() {}
}
