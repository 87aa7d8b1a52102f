package dev.hydra4j.sweep;

import dev.hydra4j.settings.Setting;
import dev.hydra4j.settings.SettingKind.Mapping;
import dev.hydra4j.settings.SettingKind.WholeNumber;
import dev.hydra4j.settings.SettingsSchema;
import java.util.List;

/** The settings of {@code hydra/sweeper=basic} (the README's sweeper section lists them). */
public final class BasicSweeperSettings {

  /**
   * The largest sweep planned unless {@code hydra.sweeper.max_jobs} says otherwise: a grid
   * this large is almost always a typo ({@code range(100000000)}), and refusing it up front
   * costs nothing, while running it would fill the disk with job directories.
   */
  public static final long DEFAULT_MAX_JOBS = 100_000;

  public static final SettingsSchema SCHEMA = new SettingsSchema("hydra.sweeper",
      "the basic sweeper", List.of(
          Setting.optional("max_batch_size", new WholeNumber(0, Integer.MAX_VALUE, "100"), 0L),
          Setting.of("max_jobs", new WholeNumber(1, Integer.MAX_VALUE, "1000000"),
              DEFAULT_MAX_JOBS),
          Setting.optional("params", new Mapping("{seed: '1,2,3'}"), null)));

  private BasicSweeperSettings() {}
}
