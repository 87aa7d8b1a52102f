package dev.hydra4j.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms real Hydra trees are written in, where hydra4j decides more than Hydra's golden cases show:
 * plugin-only options, plugin files wrapped in {@code hydra:}, option names that would leave their
 * group, the version base, the hydra node's schema, and sweeps that fill a {@code ???} choice.
 */
class HydraTreeFormsTest {

  @TempDir Path dir;

  private ConfigTreeFixture tree() {
    return new ConfigTreeFixture(dir);
  }

  private static Object value(ConfigNode root, String path) {
    ConfigNode node = ConfigTree.select(root, ConfigPath.parse(path));
    return node instanceof ConfigValue v ? v.value() : node;
  }

  @Test
  void aLoggingOptionOnlyAPluginProvidesIsAcceptedWithOneNotice() {
    ConfigTreeFixture t =
        tree()
            .file(
                "config.yaml",
                "defaults:",
                "  - _self_",
                "  - override hydra/job_logging: colorlog",
                "a: 1");
    List<String> notices = new ArrayList<>();
    Composer composer = t.composer().withNotices(notices::add);
    Composition c = composer.compose("config", ConfigTreeFixture.parse("a=2"));
    composer.compose("config", ConfigTreeFixture.parse("a=3"));
    assertEquals(2L, value(c.jobConfig(), "a"));
    assertEquals("colorlog", c.defaults().choices().get("hydra/job_logging"));
    assertEquals(1, notices.size(), notices.toString());
    assertTrue(notices.get(0).contains("hydra/job_logging=colorlog"), notices.get(0));
    assertTrue(notices.get(0).contains("config.yaml:3"), notices.get(0));
  }

  @Test
  void anUnknownOptionOfAnotherGroupStillFails() {
    ConfigTreeFixture t = tree().file("config.yaml", "a: 1");
    assertThrows(ConfigException.class, () -> t.compose("hydra/launcher=colorlog"));
  }

  @Test
  void anOptionCannotLeaveItsGroup() {
    ConfigTreeFixture t =
        tree()
            .file("config.yaml", "a: 1")
            .file("experiment/x.yaml", "b: 1")
            .file("training/base.yaml", "lr: 1");
    for (String option : List.of("../training/base", "/etc/passwd", "a/../../training/base")) {
      ConfigException e =
          assertThrows(ConfigException.class, () -> t.compose("+experiment=" + option));
      assertTrue(e.getMessage().contains("points outside the group"), e.getMessage());
      assertTrue(e.origin().toString().contains("+experiment=" + option), e.origin().toString());
    }
  }

  @Test
  void anOptionInADefaultsListCannotLeaveItsGroupEither() {
    ConfigTreeFixture t =
        tree()
            .file("config.yaml", "defaults:", "  - experiment: ../training/base", "  - _self_")
            .file("experiment/x.yaml", "b: 1")
            .file("training/base.yaml", "lr: 1");
    ConfigException e = assertThrows(ConfigException.class, t::compose);
    assertEquals(2, e.origin().line(), e.origin().toString());
  }

  @Test
  void aLauncherFileWithTheGlobalHeaderExtendsTheShippedLauncherAndLeaksNothing() {
    ConfigTreeFixture t =
        tree()
            .file(
                "config.yaml",
                "defaults:",
                "  - override hydra/launcher: local",
                "  - _self_",
                "a: 1")
            .file(
                "hydra/launcher/local.yaml",
                "# @package _global_",
                "hydra:",
                "  launcher:",
                "    n_jobs: 3");
    Composition c = t.compose();
    assertEquals(List.of("a"), new ArrayList<>(c.jobConfig().keys()));
    assertEquals(3L, value(c.config(), "hydra.launcher.n_jobs"));
    assertEquals("local", value(c.config(), "hydra.launcher.name"));
  }

  @Test
  void aLauncherFileWrappedInHydraWithoutTheHeaderIsRefusedWithTheFix() {
    ConfigTreeFixture t =
        tree()
            .file("config.yaml", "a: 1")
            .file("hydra/launcher/mine.yaml", "hydra:", "  launcher:", "    n_jobs: 3");
    ConfigException e = assertThrows(ConfigException.class, () -> t.compose("hydra/launcher=mine"));
    assertTrue(e.hint().contains("# @package _global_"), e.hint());
    assertTrue(e.origin().toString().contains("hydra/launcher/mine.yaml:"), e.origin().toString());
  }

  @Test
  void theVersionBaseComesFromTheFlagElseFromTheConfig() {
    ConfigTreeFixture t =
        tree()
            .file("config.yaml", "defaults:", "  - db: mysql")
            .file("db/mysql.yaml", "# @package _group_", "driver: mysql");
    assertEquals("mysql", value(t.compose().jobConfig(), "_group_.driver"));
    Composer legacy = new Composer(SearchPath.of(dir).withVersionBase(VersionBase.parse("1.1")));
    Composition c = legacy.compose("config", List.of());
    assertEquals("mysql", value(c.jobConfig(), "db.driver"));
    assertEquals("1.1", value(c.config(), "hydra.runtime.version_base"));

    tree().file("config.yaml", "defaults:", "  - db: mysql", "hydra:", "  version_base: '1.1'");
    assertEquals("mysql", value(tree().compose().jobConfig(), "db.driver"));
    ConfigException bad = assertThrows(ConfigException.class, () -> VersionBase.parse("2.7"));
    assertTrue(bad.hint().contains("1.1, 1.2 or 1.3"), bad.hint());
  }

  @Test
  void aTypoUnderHydraNamesTheKeyItsLineAndTheClosestKeys() {
    ConfigTreeFixture t =
        tree().file("config.yaml", "a: 1", "hydra:", "  job:", "    chdirr: true");
    ConfigException e = assertThrows(ConfigException.class, t::compose);
    assertTrue(e.getMessage().contains("Unknown key 'chdirr' in hydra.job"), e.getMessage());
    assertTrue(e.hint().contains("did you mean 'chdir'"), e.hint());
    assertEquals(4, e.origin().line());
  }

  @Test
  void freeFormPartsOfTheHydraNodeTakeAnyKey() {
    ConfigTreeFixture t =
        tree()
            .file(
                "config.yaml",
                "a: 1",
                "hydra:",
                "  job:",
                "    env_set: {MY_VAR: x}",
                "  job_logging:",
                "    handlers: {file: {filename: x.log}}",
                "  sweeper:",
                "    params: {a: '1,2'}");
    assertEquals("x", value(t.compose().config(), "hydra.job.env_set.MY_VAR"));
  }

  @Test
  void aSweepFillsAMissingChoiceAndEachJobMustHaveItFilled() {
    ConfigTreeFixture t =
        tree()
            .file("config.yaml", "defaults:", "  - db: ???", "  - _self_")
            .file("db/mysql.yaml", "driver: mysql");
    Composer composer = t.composer();
    Composition base = composer.compose("config", List.of(), RunMode.MULTIRUN);
    assertFalse(base.jobConfig().has("db"));
    assertThrows(ConfigException.class, base::requireAllChosen);
    Composition job =
        composer.compose("config", ConfigTreeFixture.parse("db=mysql"), RunMode.MULTIRUN);
    job.requireAllChosen();
    assertEquals("mysql", value(job.jobConfig(), "db.driver"));
    assertThrows(ConfigException.class, () -> composer.compose("config", List.of(), RunMode.RUN));
  }

  @Test
  void aConfigMayAskForASweepWithHydraMode() {
    ConfigTreeFixture t = tree().file("config.yaml", "a: 1", "hydra:", "  mode: MULTIRUN");
    assertEquals(RunMode.MULTIRUN, t.composer().declaredMode("config", List.of()));
    assertEquals("MULTIRUN", value(t.compose().config(), "hydra.mode"));
    tree().file("config.yaml", "a: 1");
    assertNull(t.composer().declaredMode("config", List.of()));
    assertNull(value(t.compose().config(), "hydra.mode"));
  }

  @Test
  void theSearchPathAddsDirectoriesAndClasspathPackages() {
    Path extra = dir.resolve("additional_conf");
    new ConfigTreeFixture(extra).file("dataset/cifar100.yaml", "name: cifar100");
    tree()
        .file(
            "conf/config.yaml",
            "defaults:",
            "  - dataset: cifar10",
            "hydra:",
            "  searchpath:",
            "    - pkg://searchpath_pkg",
            "    - file://" + extra,
            "    - file:///no/such/dir",
            "    - pkg://no.such.pkg")
        .file("conf/dataset/cifar10.yaml", "name: cifar10");
    Composer composer = Composer.forDirectory(dir.resolve("conf"));
    assertEquals(
        "imagenet",
        value(
            composer.compose("config", ConfigTreeFixture.parse("dataset=imagenet")).jobConfig(),
            "dataset.name"));
    assertEquals(
        "cifar100",
        value(
            composer.compose("config", ConfigTreeFixture.parse("dataset=cifar100")).jobConfig(),
            "dataset.name"));
    assertEquals(
        List.of("cifar10", "cifar100", "imagenet"), composer.repository().options("dataset"));

    Composer fromCommandLine = Composer.forDirectory(dir.resolve("conf"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                fromCommandLine.compose(
                    "config", ConfigTreeFixture.parse("dataset=imagenet", "hydra.searchpath=[]")));
    assertTrue(e.getMessage().contains("imagenet"), e.getMessage());
  }

  @Test
  void aSearchPathEntryWithoutSchemeIsRefusedAtItsLine() {
    ConfigTreeFixture t =
        tree().file("config.yaml", "a: 1", "hydra:", "  searchpath:", "    - some/dir");
    ConfigException e = assertThrows(ConfigException.class, t::compose);
    assertEquals(4, e.origin().line());
    assertTrue(e.hint().contains("file://"), e.hint());
  }
}
