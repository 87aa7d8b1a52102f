package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The library API, on the repository's example config tree. */
class Hydra4jTest {

  private static final Path CONF = Path.of("../conf");

  private static Object value(ConfigMap config, String key) {
    return ((ConfigValue) ConfigTree.select(config, ConfigPath.parse(key))).value();
  }

  @Test
  void composesAndResolvesTheExampleTree() {
    ConfigMap cfg =
        Hydra4j.compose(CONF, "config", "experiment=exp_person_25", "training.epochs=100");
    assertEquals("person_25", value(cfg, "experiment.name"));
    assertEquals(100L, value(cfg, "training.epochs"));
    assertEquals("person_25_e100", value(cfg, "run_name"));
    assertEquals(0.25, value(cfg, "experiment.frame_sample_fractions.person"));
    assertTrue(!cfg.has("hydra"), "the job config has no hydra node");
  }

  @Test
  void hoconOptionsComposeLikeYamlOnes() {
    ConfigMap cfg = Hydra4j.compose(CONF, "config", "training=fast");
    assertEquals(3L, value(cfg, "training.epochs"));
    assertEquals(0.02, value(cfg, "training.lr"));
  }

  @Test
  void badInputIsAConfigExceptionWithAPlace() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> Hydra4j.compose(CONF, "config", "training.epochz=1"));
    assertEquals("override 'training.epochz=1'", e.origin().toString());
    assertTrue(e.hint().contains("training.epochs"), e.hint());
  }

  @Test
  void aProgramsMainPrintsWhatItsFlagsAskForAndRunsNoJob() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        Hydra4j.main(
            "App",
            new String[] {"--cfg", "job", "--resolve", "-p", "run_name", "training=long"},
            CONF,
            "config",
            (config, jobDir, num) -> {
              throw new AssertionError("no job may run");
            },
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("person_100_e30\n", out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }
}
