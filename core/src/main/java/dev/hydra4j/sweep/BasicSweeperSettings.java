package dev.hydra4j.sweep;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.settings.CheckedSettings;
import dev.hydra4j.settings.Setting;
import dev.hydra4j.settings.SettingKind.Mapping;
import dev.hydra4j.settings.SettingKind.WholeNumber;
import dev.hydra4j.settings.SettingsSchema;
import java.util.List;

/** The settings of {@code hydra/sweeper=basic} (the README's sweeper section lists them). */
public final class BasicSweeperSettings {

  /**
   * The largest sweep planned unless {@code hydra.sweeper.max_jobs} says otherwise: a grid this
   * large is almost always a typo ({@code range(100000000)}), and refusing it up front costs
   * nothing, while running it would fill the disk with job directories.
   */
  public static final long DEFAULT_MAX_JOBS = 100_000;

  public static final SettingsSchema SCHEMA =
      new SettingsSchema(
          "hydra.sweeper",
          "the basic sweeper",
          List.of(
              Setting.optional("max_batch_size", new WholeNumber(0, Integer.MAX_VALUE, "100"), 0L),
              Setting.of(
                  "max_jobs", new WholeNumber(1, Integer.MAX_VALUE, "1000000"), DEFAULT_MAX_JOBS),
              Setting.optional("params", new Mapping("{seed: '1,2,3'}"), null)));

  private BasicSweeperSettings() {}

  /**
   * The basic sweeper's settings of {@code composition}: checked when {@code hydra.sweeper} is the
   * basic sweeper, the defaults when it names another ({@code _target_}), which checks its own.
   */
  public static CheckedSettings of(Composition composition) {
    ConfigNode node = ConfigTree.select(composition.config(), ConfigPath.parse("hydra.sweeper"));
    if (node instanceof ConfigMap map && map.get("_target_") != null) {
      return SCHEMA.check(null, key -> null);
    }
    return SCHEMA.check(composition);
  }
}
