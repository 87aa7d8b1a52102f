package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFile;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;

/**
 * Launcher and sweeper config files ({@code hydra/launcher/x}, {@code hydra/sweeper/x}) in the
 * forms users write them: plain keys (the file is placed at {@code hydra.launcher}), or {@code
 * # @package _global_} with a {@code hydra: launcher:} block, as Hydra's plugin docs show.
 */
final class PluginConfigFiles {

  private PluginConfigFiles() {}

  /**
   * Refuses a plugin file that wraps its keys in {@code hydra: launcher:} without the {@code
   * _global_} header: its settings would land at {@code hydra.launcher.hydra.launcher} and be
   * ignored (Python Hydra ignores them silently).
   */
  static void checkWrapping(String configPath, ConfigFile file, String displayPath) {
    String group = Packages.directoryOf(configPath);
    if (!isPluginGroup(group) || file.packageHeader() != null) {
      return;
    }
    ConfigNode wrapper = file.root().get("hydra");
    if (wrapper != null) {
      String first = group.replace('/', '.');
      throw new ConfigException(
          "'"
              + displayPath
              + "' wraps its settings in 'hydra:', but a "
              + group
              + " file is placed at "
              + first
              + " already, so they would land at "
              + first
              + ".hydra and be ignored",
          wrapper.origin(),
          "add '# @package _global_' as the file's first line (keeping the 'hydra: "
              + group.substring("hydra/".length())
              + ":' block), or drop the wrapping and"
              + " write the settings at the top level");
    }
  }

  /**
   * The shipped settings placed where a {@code # @package _global_} user file expects them ({@code
   * hydra.launcher}), or {@code null} for any other header.
   */
  static ConfigMap placeAt(ConfigMap shipped, String configPath, ConfigFile file) {
    if (!Packages.absolute(file.packageHeader()).isEmpty()) {
      return null;
    }
    String at = Packages.directoryOf(configPath).replace('/', '.');
    return (ConfigMap)
        ConfigTree.set(ConfigMap.empty(shipped.origin()), ConfigPath.parse(at), shipped);
  }

  private static boolean isPluginGroup(String group) {
    return group.equals("hydra/launcher") || group.equals("hydra/sweeper");
  }
}
