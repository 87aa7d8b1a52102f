package dev.hydra4j.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads config files: YAML ({@code .yaml}, {@code .yml}) as Hydra reads them, and HOCON ({@code
 * .conf}) as an alternative syntax for the same tree. The result's nodes carry {@code
 * displayPath:line:column} origins, so give the path as the user should see it (e.g. {@code
 * conf/db/mysql.yaml}).
 */
public final class ConfigFiles {

  /** File name endings of config files, in the order a config name is looked up. */
  public static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".conf");

  private ConfigFiles() {}

  /** Reads and parses {@code file}; every problem is a {@link ConfigException}. */
  public static ConfigFile read(Path file, String displayPath) {
    return parse(ConfigText.read(file, displayPath), displayPath);
  }

  /**
   * A YAML or JSON document that is no part of a config tree (a JSON Schema, a config to check
   * against one); JSON is read as YAML 1.2, of which it is a subset.
   */
  public static ConfigFile readDocument(Path file, String displayPath) {
    if (!displayPath.endsWith(".json") && !isConfigFile(displayPath)) {
      throw new ConfigException(
          displayPath + " is neither a YAML nor a JSON file",
          Origin.ofFile(displayPath, 0, 0),
          "give a .yaml, .yml, .json or .conf file");
    }
    String text = ConfigText.read(file, displayPath);
    return displayPath.endsWith(".json")
        ? YamlReader.read(text, displayPath)
        : parse(text, displayPath);
  }

  /** Parses {@code text} in the syntax named by the extension of {@code displayPath}. */
  public static ConfigFile parse(String text, String displayPath) {
    if (text.length() > ConfigText.MAX_BYTES) {
      throw ConfigText.tooLarge(displayPath);
    }
    ConfigText.requireWellFormed(text, displayPath);
    if (displayPath.endsWith(".conf")) {
      requireTypesafeConfig(displayPath);
      return HoconReader.read(text, displayPath);
    }
    if (displayPath.endsWith(".yaml") || displayPath.endsWith(".yml")) {
      return YamlReader.read(text, displayPath);
    }
    throw new ConfigException(
        "Unknown config file type: " + displayPath,
        Origin.ofFile(displayPath, 0, 0),
        "config files end in .yaml, .yml or .conf");
  }

  /**
   * HOCON is read by Typesafe Config, which hydra4j-core leaves to the program (an optional
   * dependency: a program that has it brings its own version); the launcher always has it.
   */
  private static void requireTypesafeConfig(String displayPath) {
    try {
      Class.forName("com.typesafe.config.ConfigFactory", false, ConfigFiles.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(
          displayPath + " is a HOCON file, and reading HOCON needs Typesafe Config",
          Origin.ofFile(displayPath, 0, 0),
          "add com.typesafe:config (1.4.x) to the program's dependencies, or write the file as"
              + " YAML");
    }
  }

  /** Whether {@code fileName} ends in one of {@link #EXTENSIONS}. */
  public static boolean isConfigFile(String fileName) {
    for (String extension : EXTENSIONS) {
      if (fileName.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }
}
