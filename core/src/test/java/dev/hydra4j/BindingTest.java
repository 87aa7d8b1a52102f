package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding configs to records and classes, and every problem reported at once. */
class BindingTest {

  private static final Path CONF = Path.of("../conf");

  @TempDir Path dir;

  record Training(
      int epochs, int batchSize, int imageSize, double lr, int patience, String model) {}

  enum Precision {
    FP16,
    FP32
  }

  record Loader(
      int workers,
      ByteSize buffer,
      Duration timeout,
      Precision precision,
      List<String> files,
      Map<String, Double> weights,
      Optional<String> cache,
      Optional<Integer> limit,
      Layer first,
      List<Layer> layers) {}

  record Layer(String kind, int size) {}

  sealed interface Optimizer permits Adam, Sgd, SgdMomentum {}

  record Adam(double lr, double beta1) implements Optimizer {}

  record Sgd(double lr) implements Optimizer {}

  record SgdMomentum(double lr, double momentum) implements Optimizer {}

  record Positive1(int value) {
    Positive1 {
      if (value <= 0) {
        throw new IllegalArgumentException("value must be positive, got " + value);
      }
    }
  }

  /** A class bound through its constructor, as a Kotlin data class is. */
  public static final class Point {
    private final int x;
    private final int y;

    public Point(int x, int y) {
      this.x = x;
      this.y = y;
    }

    int sum() {
      return x + y;
    }
  }

  record Limits(@Positive int workers, @Max(10) int retries) {}

  private Path write(String relative, String yaml) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void bindsTheExampleTrainingSectionWithSnakeCaseKeys() {
    Training t = Hydra4j.load(CONF, "config", "training=long").bind("training", Training.class);
    assertEquals(new Training(30, 16, 640, 0.01, 50, "yolov8n.pt"), t);
  }

  @Test
  void aHoconOptionBindsLikeAYamlOneAndNamesItsLine() {
    assertEquals(
        new Training(3, 32, 320, 0.02, 5, "yolov8n.pt"),
        Hydra4j.load(CONF, "config", "training=fast").bind("training", Training.class));
    record Narrow(int epochs, int batchSize, int imageSize, int lr, int patience, String model) {}
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class,
            () -> Hydra4j.load(CONF, "config", "training=fast").bind("training", Narrow.class));
    assertEquals("training.lr", e.problems().get(0).key());
    assertTrue(e.origin().file().endsWith("conf/training/fast.conf"), e.getMessage());
    assertEquals(6, e.origin().line());
  }

  @Test
  void bindsNestedRecordsCollectionsEnumsOptionalsAndUnits() throws IOException {
    write(
        "app.yaml",
        """
        loader:
          workers: 4
          buffer: 512M
          timeout: 30s
          precision: fp16
          files: [a.txt, b.txt]
          weights: {person: 1.0, crane: 2}
          limit: null
          first: {kind: conv, size: 3}
          layers:
            - {kind: conv, size: 3}
            - {kind: dense, size: 10}
        """);
    Loader l = Hydra4j.load(dir, "app").bind("loader", Loader.class);
    assertEquals(4, l.workers());
    assertEquals(512L << 20, l.buffer().bytes());
    assertEquals(Duration.ofSeconds(30), l.timeout());
    assertEquals(Precision.FP16, l.precision());
    assertEquals(List.of("a.txt", "b.txt"), l.files());
    assertEquals(Map.of("person", 1.0, "crane", 2.0), l.weights());
    assertEquals(Optional.empty(), l.cache());
    assertEquals(Optional.empty(), l.limit());
    assertEquals(new Layer("conv", 3), l.first());
    assertEquals(List.of(new Layer("conv", 3), new Layer("dense", 10)), l.layers());
  }

  @Test
  void everyProblemIsReportedTogetherWithItsFileAndLine() throws IOException {
    write(
        "app.yaml",
        """
        loader:
          workers: many
          buffer: 512Q
          timeout: 30s
          precision: fp8
          files: [a.txt, {x: 1}]
          weights: {person: heavy}
          first: {kind: conv, size: 3, stride: 2}
          layers: []
          extra: true
        """);
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class, () -> Hydra4j.load(dir, "app").bind("loader", Loader.class));
    List<String> lines =
        e.problems().stream()
            .map(p -> p.key() + " @" + p.origin().line() + ": " + p.message())
            .toList();
    assertEquals(
        List.of(
            "loader.workers @2: expected an int, got 'many' (a string)",
            "loader.buffer @3: expected a size (e.g. 512M, 2GiB), got '512Q' (a string)",
            "loader.precision @5: expected one of [FP16, FP32], got 'fp8' (a string)",
            "loader.files[1] @6: expected a string, got a map",
            "loader.weights.person @7: expected a double, got 'heavy' (a string)",
            "loader.first.stride @8: unknown key: Layer has no component 'stride' (it has kind,"
                + " size)",
            "loader.extra @10: unknown key: Loader has no component 'extra' (it has workers,"
                + " buffer, timeout, precision, files, weights, cache, limit, first, layers)"),
        lines);
    assertTrue(
        e.getMessage().startsWith("7 problems binding 'loader' to Loader:\n"), e.getMessage());
    assertTrue(e.problems().get(0).origin().file().endsWith("app.yaml"));
  }

  @Test
  void missingKeysPointAtTheMapThatLacksThem() throws IOException {
    write("app.yaml", "layer:\n  kind: conv\n  sise: 3\n");
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class, () -> Hydra4j.load(dir, "app").bind("layer", Layer.class));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertEquals("layer.size", e.problems().get(0).key());
    assertTrue(e.problems().get(0).message().startsWith("missing: Layer needs it"));
    assertTrue(
        e.problems().get(1).message().contains("did you mean 'size'?"),
        e.problems().get(1).message());
  }

  @Test
  void aSealedInterfaceTakesTheSubtypeNamedByTheGroupChoice() throws IOException {
    write("app.yaml", "defaults:\n  - optimizer: sgd_momentum\n  - _self_\n");
    write("optimizer/adam.yaml", "lr: 0.001\nbeta1: 0.9\n");
    write("optimizer/sgd.yaml", "lr: 0.1\n");
    write("optimizer/sgd_momentum.yaml", "lr: 0.1\nmomentum: 0.9\n");
    assertEquals(
        new SgdMomentum(0.1, 0.9), Hydra4j.load(dir, "app").bind("optimizer", Optimizer.class));
    assertEquals(
        new Adam(0.001, 0.9),
        Hydra4j.load(dir, "app", "optimizer=adam").bind("optimizer", Optimizer.class));
    assertEquals(
        new Sgd(0.1), Hydra4j.load(dir, "app", "optimizer=sgd").bind("optimizer", Optimizer.class));
  }

  @Test
  void withoutAGroupChoiceTheOnlySubtypeThatFitsIsTaken() throws IOException {
    write("app.yaml", "opt: {lr: 0.1, beta1: 0.5}\nplain: {lr: 0.1}\nnone: {lr: 1, x: 2}\n");
    Config cfg = Hydra4j.load(dir, "app");
    assertEquals(new Adam(0.1, 0.5), cfg.bind("opt", Optimizer.class));
    assertEquals(new Sgd(0.1), cfg.bind("plain", Optimizer.class));
    Hydra4jException e =
        assertThrows(Hydra4jException.class, () -> cfg.bind("none", Optimizer.class));
    assertTrue(
        e.getMessage().contains("matches none of the subtypes of Optimizer"), e.getMessage());
  }

  @Test
  void aConstructorsOwnCheckBecomesALocatedProblem() throws IOException {
    write("app.yaml", "p:\n  value: -1\n");
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class, () -> Hydra4j.load(dir, "app").bind("p", Positive1.class));
    assertEquals(
        "Positive1 refused the values: value must be positive, got -1",
        e.problems().get(0).message());
    assertEquals(2, e.origin().line());
  }

  @Test
  void classesBindThroughTheirConstructorParameterNames() throws IOException {
    write("app.yaml", "point: {x: 2, y: 5}\n");
    assertEquals(7, Hydra4j.load(dir, "app").bind("point", Point.class).sum());
  }

  @Test
  void nullNeedsAnOptionalAndMissingValuesAreNamed() throws IOException {
    write("app.yaml", "layer:\n  kind: null\n  size: ???\n");
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class, () -> Hydra4j.load(dir, "app").bind("layer", Layer.class));
    assertEquals(
        List.of(
            "layer.kind: is null, but String needs a value; declare it Optional<String> to allow"
                + " null",
            "layer.size: is ??? (a value that must be set)"),
        e.problems().stream().map(p -> p.key() + ": " + p.message()).toList());
  }

  @Test
  void beanValidationAnnotationsAreCheckedWithTheirPlaces() throws IOException {
    write("app.yaml", "limits:\n  workers: 0\n  retries: 11\n");
    Hydra4jException e =
        assertThrows(
            Hydra4jException.class, () -> Hydra4j.load(dir, "app").bind("limits", Limits.class));
    assertEquals(
        List.of("limits.retries @3", "limits.workers @2"),
        e.problems().stream().map(p -> p.key() + " @" + p.origin().line()).toList());
    assertTrue(
        e.problems().get(1).message().startsWith("must be greater than 0"),
        e.problems().get(1).message());
  }

  @Test
  void listsOfRecordsBindFromTheView() throws IOException {
    write("app.yaml", "layers:\n  - {kind: conv, size: 3}\n  - {kind: pool, size: x}\n");
    Config cfg = Hydra4j.load(dir, "app");
    Hydra4jException e =
        assertThrows(Hydra4jException.class, () -> cfg.getList("layers", Layer.class));
    assertEquals("layers[1].size", e.problems().get(0).key());
    assertEquals(3, e.origin().line());
  }
}
