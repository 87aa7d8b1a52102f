package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Hydra4j.sweep}: a sweep's jobs run by the program itself, with hydra4j-core alone. */
class SweepTest {

  private static final Path CONF = Path.of("../conf");

  record Training(
      int epochs, int batchSize, int imageSize, double lr, int patience, String model) {}

  @Test
  void eachJobHasTheValuesOfItsOverrides() {
    Sweep sweep = Hydra4j.sweep(CONF, "config", "training.lr=0.1,0.01", "training=base,long");
    assertEquals(4, sweep.size());
    for (int i = 0; i < sweep.size(); i++) {
      Sweep.Job job = sweep.get(i);
      assertEquals(i, job.num());
      List<String> overrides = job.overrides();
      assertEquals(2, overrides.size(), overrides.toString());
      String lr = overrides.stream().filter(o -> o.startsWith("training.lr=")).findFirst().get();
      String group = overrides.stream().filter(o -> o.startsWith("training=")).findFirst().get();
      assertEquals(Double.parseDouble(lr.substring(12)), job.config().getDouble("training.lr"));
      assertEquals(
          group.equals("training=long") ? 30 : 10, job.config().getInt("training.epochs"), group);
    }
    assertEquals(
        4,
        sweep.stream().map(Sweep.Job::overrides).distinct().count(),
        "every job is a different point of the grid");
  }

  @Test
  void aSingleRunIsASweepOfOneJob() {
    Sweep sweep = Hydra4j.sweep(CONF, "config", "training=long");
    assertEquals(1, sweep.size());
    assertEquals(30, sweep.get(0).config().getInt("training.epochs"));
  }

  @Test
  void bindingReportsEveryProblemOfAJobWithItsPlace() {
    Sweep sweep = Hydra4j.sweep(CONF, "config", "training.lr=fast,0.1", "+training.warmup=5");
    Hydra4jException e =
        assertThrows(Hydra4jException.class, () -> sweep.bind("training", Training.class));
    assertTrue(
        e.headline().startsWith("Job 0 (training.lr=fast +training.warmup=5): "), e.headline());
    assertEquals(
        List.of("training.lr", "training.warmup"),
        e.problems().stream().map(p -> p.key()).sorted().toList(),
        e.getMessage());
    assertTrue(e.getMessage().contains("at override 'training.lr=fast'"), e.getMessage());
  }

  @Test
  void noJobIsBoundUnlessEveryJobBinds() {
    Sweep sweep = Hydra4j.sweep(CONF, "config", "training.lr=0.1,fast");
    Hydra4jException e =
        assertThrows(Hydra4jException.class, () -> sweep.bind("training", Training.class));
    assertTrue(e.headline().startsWith("Job 1 (training.lr=fast): "), e.headline());
    assertEquals(List.of("training.lr"), e.problems().stream().map(p -> p.key()).toList());
    assertEquals(
        List.of(0.1, 0.01),
        Hydra4j.sweep(CONF, "config", "training.lr=0.1,0.01")
            .bind("training", Training.class)
            .stream()
            .map(Training::lr)
            .toList());
  }

  @Test
  void jobsSeeTheirNumberThroughTheHydraResolver(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("app.yaml"), "seed: ${hydra:job.num}\nlr: 0.1\n");
    Sweep sweep = Hydra4j.sweep(dir, "app", "lr=0.1,0.2,0.3");
    assertEquals(List.of(0L, 1L, 2L), sweep.stream().map(j -> j.config().getLong("seed")).toList());
  }

  @Test
  void aBadSweepIsOneLocatedException() {
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class, () -> Hydra4j.sweep(CONF, "config", "training.lr=0.1,,"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).origin().toString().contains("override"), e.getMessage());
  }

  @Test
  void mainWithoutTheLauncherSaysWhatToDoAndReturnsTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Hydra4j.main(
            "App",
            new String[] {"training=long"},
            CONF,
            "config",
            Training.class,
            (cfg, jobDir, num) -> {
              throw new AssertionError("no job may run");
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("hydra4j-core alone"), text);
    assertTrue(text.contains("Hydra4j.sweep"), text);
  }
}
