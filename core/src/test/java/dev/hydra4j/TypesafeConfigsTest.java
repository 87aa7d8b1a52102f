package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Typesafe config as a source under a composed one, and a composed one as Typesafe's. */
class TypesafeConfigsTest {

  private static final Path CONF = Path.of("../conf");

  @TempDir Path dir;

  record Serving(String host, int port, Duration timeout, List<String> routes) {}

  @Test
  void aReferenceConfIsAFallbackThatKeepsItsFileAndLine() throws IOException {
    Path reference =
        Files.writeString(
            dir.resolve("reference.conf"),
            """
        serving {
          host = localhost
          port = 8080
          timeout = 5s
          routes = [predict, health]
        }
        training.lr = 0.5
        """);
    Config defaults = TypesafeConfigs.toHydra(ConfigFactory.parseFile(reference.toFile()));
    Config cfg = Hydra4j.load(CONF, "config").withFallback(defaults);
    assertEquals(
        new Serving("localhost", 8080, Duration.ofSeconds(5), List.of("predict", "health")),
        cfg.bind("serving", Serving.class));
    assertEquals(0.01, cfg.getDouble("training.lr"), "the composed config wins");
    Origin port = cfg.origin("serving.port");
    assertEquals(3, port.line());
    assertTrue(port.file().endsWith("reference.conf"), port.toString());
  }

  @Test
  void bindingErrorsNameTheReferenceConfLine() {
    Config cfg =
        TypesafeConfigs.toHydra(
            ConfigFactory.parseString(
                "serving {\n  host = h\n  port = eighty\n  timeout = 1s\n  routes = []\n}\n"));
    Hydra4jException e =
        assertThrows(Hydra4jException.class, () -> cfg.bind("serving", Serving.class));
    assertEquals("serving.port", e.problems().get(0).key());
    assertEquals(3, e.origin().line());
  }

  @Test
  void aComposedConfigReadsTheSameThroughTypesafeConfig() {
    Config cfg = Hydra4j.load(CONF, "config", "training=fast", "seed=5");
    com.typesafe.config.Config typesafe = TypesafeConfigs.toTypesafe(cfg);
    assertEquals(0.02, typesafe.getDouble("training.lr"));
    assertEquals(5, typesafe.getInt("seed"));
    assertEquals(
        List.of("videos/test_01.mp4", "videos/test_02.mp4"), typesafe.getStringList("test_videos"));
    assertEquals(1.0, typesafe.getDouble("experiment.frame_sample_fractions.\"crane hook\""));
    assertEquals("person_100_e3", typesafe.getString("run_name"));
    assertEquals(6, typesafe.getValue("training.lr").origin().lineNumber());
    assertTrue(
        typesafe.getValue("training.lr").origin().filename().endsWith("conf/training/fast.conf"));
    assertEquals("override 'seed=5'", typesafe.getValue("seed").origin().description());
    assertEquals(cfg.toMap(), TypesafeConfigs.toHydra(typesafe).toMap(), "a round trip");
  }
}
