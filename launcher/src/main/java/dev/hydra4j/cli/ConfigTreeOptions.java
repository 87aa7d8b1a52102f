package dev.hydra4j.cli;

import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.compose.VersionBase;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the config tree is and which Hydra rules it follows: {@code -cp}, {@code -cn}, {@code -cd},
 * {@code --version-base}, shared by every command that composes (a picocli mixin).
 */
final class ConfigTreeOptions {

  @Option(
      names = {"--config-path", "-cp"},
      paramLabel = "DIR",
      description = "The primary config directory (default: ./conf).")
  Path configPath;

  @Option(
      names = {"--config-name", "-cn"},
      paramLabel = "NAME",
      description = "The primary config's name (default: config).")
  String configName = "config";

  @Option(
      names = {"--config-dir", "-cd"},
      paramLabel = "DIR",
      description = "An extra config directory searched first.")
  List<Path> configDirs = new ArrayList<>();

  @Option(
      names = {"--version-base"},
      paramLabel = "1.1|1.2|1.3",
      description =
          "The Hydra version whose composition rules the config tree follows, as"
              + " @hydra.main(version_base=...) selects them (default: the primary config's"
              + " hydra.version_base, else 1.3).")
  String versionBase;

  /** {@code -cd} directories first, then {@code -cp} (default {@code ./conf}); each must exist. */
  SearchPath searchPath() {
    List<Path> dirs = new ArrayList<>(configDirs);
    if (configPath != null && !Files.isDirectory(configPath)) {
      throw new ConfigException(
          "The config directory '" + configPath + "' does not exist",
          Origin.of("--config-path " + configPath),
          "give the directory that holds your primary config, e.g. -cp conf");
    }
    for (Path dir : configDirs) {
      if (!Files.isDirectory(dir)) {
        throw new ConfigException(
            "The config directory '" + dir + "' does not exist",
            Origin.of("--config-dir " + dir),
            "give an existing directory to search first");
      }
    }
    dirs.add(configPath != null ? configPath : Path.of("conf"));
    SearchPath path = new SearchPath(dirs, true);
    return versionBase == null ? path : path.withVersionBase(VersionBase.parse(versionBase));
  }
}
