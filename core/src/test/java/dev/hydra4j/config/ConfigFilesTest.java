package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

  @Test
  void dispatchesOnTheExtension(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "x: 1\n");
    Files.writeString(dir.resolve("b.yml"), "x: 1\n");
    Files.writeString(dir.resolve("c.conf"), "x = 1\n");
    for (String name : new String[] {"a.yaml", "b.yml", "c.conf"}) {
      ConfigFile file = ConfigFiles.read(dir.resolve(name), "conf/" + name);
      assertEquals(ConfigValue.of(1L, null), file.root().get("x"), name);
      assertEquals(
          "conf/" + name + ":1",
          file.root().get("x").origin().toString().replaceAll(":\\d+$", ""),
          name);
    }
  }

  @Test
  void recognisesConfigFileNames() {
    assertTrue(ConfigFiles.isConfigFile("db/mysql.yaml"));
    assertTrue(ConfigFiles.isConfigFile("mysql.yml"));
    assertTrue(ConfigFiles.isConfigFile("mysql.conf"));
    assertFalse(ConfigFiles.isConfigFile("mysql.json"));
    assertFalse(ConfigFiles.isConfigFile("README.md"));
  }

  @Test
  void toleratesAByteOrderMarkAndWindowsLineEnds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("w.yaml");
    Files.writeString(file, "\uFEFF# @package _global_\r\na: 1\r\nb: two\r\n");
    ConfigFile read = ConfigFiles.read(file, "w.yaml");
    assertEquals("_global_", read.packageHeader());
    assertEquals(ConfigValue.of("two", null), read.root().get("b"));
  }
}
