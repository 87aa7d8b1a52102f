package dev.hydra4j.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults-list behaviour beyond the golden cases: the patterns real repositories use. */
class DefaultsListTest {

  @TempDir Path dir;
  ConfigTreeFixture tree;

  @BeforeEach
  void tree() {
    tree =
        new ConfigTreeFixture(dir)
            .file(
                "config.yaml",
                "defaults:",
                "  - db: mysql",
                "  - server: apache",
                "  - _self_",
                "debug: false")
            .file("db/mysql.yaml", "driver: mysql", "port: 3306")
            .file("db/sqlite.yaml", "driver: sqlite")
            .file("server/apache.yaml", "name: apache")
            .file("server/nginx.yaml", "name: nginx")
            .file(
                "experiment/lite.yaml",
                "# @package _global_",
                "defaults:",
                "  - override /db: sqlite",
                "  - override /server: nginx",
                "debug: true");
  }

  private static Object value(Composition c, String path) {
    return ((ConfigValue) ConfigTree.select(c.config(), ConfigPath.parse(path))).value();
  }

  @Test
  void anAppendedExperimentOverridesEarlierChoices() {
    Composition c = tree.compose("+experiment=lite");
    assertEquals("sqlite", value(c, "db.driver"));
    assertEquals("nginx", value(c, "server.name"));
    assertEquals(true, value(c, "debug"));
    assertEquals("sqlite", c.defaults().choices().get("db"));
    assertEquals("lite", c.defaults().choices().get("experiment"));
  }

  @Test
  void theCommandLineBeatsAnExperimentsOverride() {
    Composition c = tree.compose("+experiment=lite", "db=mysql");
    assertEquals("mysql", value(c, "db.driver"));
  }

  @Test
  void deletingAGroupRemovesItsContentAndChoice() {
    Composition c = tree.compose("~db");
    assertNull(ConfigTree.select(c.config(), ConfigPath.parse("db")));
    assertTrue(!c.defaults().choices().containsKey("db"));
  }

  @Test
  void deletingWithTheWrongOptionFails() {
    ConfigException e = assertThrows(ConfigException.class, () -> tree.compose("~db=sqlite"));
    assertTrue(e.getMessage().contains("mysql"), e.getMessage());
  }

  @Test
  void addingAGroupThatIsAlreadyChosenFailsWithTheFix() {
    ConfigException e = assertThrows(ConfigException.class, () -> tree.compose("+db=sqlite"));
    assertTrue(e.hint().contains("db=sqlite"), e.hint());
  }

  @Test
  void forceAddChangesOrAdds() {
    assertEquals("sqlite", value(tree.compose("++db=sqlite"), "db.driver"));
    assertEquals(true, value(tree.compose("++experiment=lite"), "debug"));
  }

  @Test
  void changingAGroupNothingSelectsSuggestsPlus() {
    ConfigException e = assertThrows(ConfigException.class, () -> tree.compose("experiment=lite"));
    assertTrue(e.hint().contains("+experiment=lite"), e.hint());
  }

  @Test
  void anUnknownOptionListsTheOptionsAndTheClosest() {
    ConfigException e = assertThrows(ConfigException.class, () -> tree.compose("db=sqlit"));
    assertTrue(e.hint().contains("did you mean 'sqlite'"), e.hint());
    assertTrue(e.hint().contains("mysql, sqlite"), e.hint());
    assertEquals("override 'db=sqlit'", e.origin().toString());
  }

  @Test
  void anUnknownOptionInAFilePointsAtItsLine() {
    tree.file("config.yaml", "defaults:", "  - db: postgres", "  - _self_");
    ConfigException e = assertThrows(ConfigException.class, () -> tree.compose());
    assertTrue(e.origin().toString().endsWith("config.yaml:2:9"), e.origin().toString());
  }

  @Test
  void aConfigThatIncludesItselfIsReported() {
    tree.file("config.yaml", "defaults:", "  - loop", "  - _self_")
        .file("loop.yaml", "defaults:", "  - config", "  - _self_");
    ConfigException e = assertThrows(ConfigException.class, () -> tree.compose());
    assertTrue(e.getMessage().contains("includes itself"), e.getMessage());
  }

  @Test
  void theLauncherComesFromTheBuiltInsAndCanBeSwitched() {
    Composition c = tree.compose();
    assertEquals("local", c.defaults().choices().get("hydra/launcher"));
    assertEquals("local", value(c, "hydra.launcher.name"));
    Composition slurm = tree.compose("hydra/launcher=slurm");
    assertEquals("slurm", value(slurm, "hydra.launcher.name"));
    assertEquals(60L, value(slurm, "hydra.launcher.timeout_min"));
  }

  @Test
  void aUserLauncherConfigExtendsTheBuiltInOne() {
    tree.file("hydra/launcher/slurm.yaml", "partition: gpu");
    Composition c = tree.compose("hydra/launcher=slurm");
    assertEquals("gpu", value(c, "hydra.launcher.partition"));
    assertEquals(60L, value(c, "hydra.launcher.timeout_min"));
  }

  @Test
  void thePrimaryConfigCanSwitchTheLauncher() {
    tree.file(
        "config.yaml",
        "defaults:",
        "  - db: mysql",
        "  - override hydra/launcher: slurm",
        "  - _self_");
    assertEquals("slurm", value(tree.compose(), "hydra.launcher.name"));
  }

  @Test
  void hydraOverridesAreKeptApartFromTaskOverrides() {
    Composition c = tree.compose("db.port=1", "hydra.job.name=x", "hydra/launcher=slurm");
    assertEquals(java.util.List.of("db.port=1"), c.taskOverrides());
    assertEquals(java.util.List.of("hydra.job.name=x", "hydra/launcher=slurm"), c.hydraOverrides());
    assertEquals("db.port=1", value(c, "hydra.job.override_dirname"));
    assertEquals("x", value(c, "hydra.job.name"));
  }

  @Test
  void yamlAndHoconConfigsMixInOneGroup() {
    tree.file("db/pg.conf", "driver = postgresql", "port = 5432");
    Composition c = tree.compose("db=pg");
    assertEquals("postgresql", value(c, "db.driver"));
    assertEquals(5432L, value(c, "db.port"));
  }

  @Test
  void severalForceAddsOfUnselectedGroupsAreAllAdded() {
    tree.file("g1/x.yaml", "a: 1").file("g2/y.yaml", "b: 2");
    Composition c = tree.compose("++g1=x", "++g2=y");
    assertEquals(1L, value(c, "g1.a"));
    assertEquals(2L, value(c, "g2.b"));
  }

  @Test
  void anOverrideBeforeTheDefaultsItFollowsIsRefused() {
    tree.file("config.yaml", "defaults:", "  - override db: sqlite", "  - db: mysql", "  - _self_");
    ConfigException e = assertThrows(ConfigException.class, () -> tree.compose());
    assertTrue(e.getMessage().contains("overrides must be at the end"), e.getMessage());
    assertTrue(e.origin().toString().endsWith("config.yaml:2:18"), e.origin().toString());
  }

  @Test
  void withinOneListTheFirstOverrideOfAGroupWins() {
    tree.file(
        "experiment/twice.yaml",
        "# @package _global_",
        "defaults:",
        "  - override /db: sqlite",
        "  - override /db: mysql");
    assertEquals("sqlite", value(tree.compose("+experiment=twice"), "db.driver"));
  }
}
