package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hydra4j.config.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported schemas, checked by an independent validator (networknt's) and by hydra4j's own {@code
 * --validate}, which must agree on where a config is wrong.
 */
class ConfigSchemaTest {

  private static final Path CONF = Path.of("../conf");

  @TempDir Path dir;

  record Training(
      int epochs,
      int batchSize,
      int imageSize,
      double lr,
      int patience,
      String model,
      Optional<String> device) {}

  private static Schema networknt(String schemaJson) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(schemaJson, InputFormat.JSON);
  }

  private static String json(Config cfg) {
    return JsonWriter.toJson(cfg.tree(), false);
  }

  @Test
  void theExampleTreesSchemaAcceptsEveryCompositionOfItsOptions() {
    Schema schema = networknt(ConfigSchema.of(Hydra4j.load(CONF, "config")));
    for (String experiment :
        List.of("exp_person_25", "exp_person_50", "exp_person_75", "exp_person_100")) {
      for (String training : List.of("base", "long", "fast")) {
        Config cfg =
            Hydra4j.load(CONF, "config", "experiment=" + experiment, "training=" + training);
        List<Error> errors = schema.validate(json(cfg), InputFormat.JSON);
        assertEquals(List.of(), errors, experiment + "/" + training);
      }
    }
  }

  @Test
  void networkntAndHydra4jFindTheSameWrongKeys() throws IOException {
    String schemaJson = ConfigSchema.of(Hydra4j.load(CONF, "config"));
    Path schemaFile = Files.writeString(dir.resolve("schema.json"), schemaJson);
    String broken =
        Hydra4j.load(CONF, "config")
            .toString()
            .replace("lr: 0.01", "lr: fast")
            .replace("seed: 0", "seed: 0\nsed: 1")
            .replace("  person: 1.0", "  person: [1.0]");
    Path config = Files.writeString(dir.resolve("broken.yaml"), broken);

    TreeSet<String> theirs = new TreeSet<>();
    for (Error e : networknt(schemaJson).validate(broken, InputFormat.YAML)) {
      // Their instance locations are JSON pointers (/training/lr) or paths ($.training.lr).
      String at =
          e.getInstanceLocation().toString().replaceFirst("^[$/]\\.?", "").replace('/', '.');
      theirs.add(
          e.getProperty() != null && !at.endsWith(e.getProperty())
              ? (at.isEmpty() ? "" : at + ".") + e.getProperty()
              : at);
    }
    List<Hydra4jException.Problem> problems = ConfigSchema.validate(schemaFile, config);
    TreeSet<String> ours = new TreeSet<>();
    problems.forEach(p -> ours.add(p.key()));
    assertEquals(theirs, ours);
    assertEquals(
        new TreeSet<>(List.of("experiment.frame_sample_fractions.person", "sed", "training.lr")),
        ours);
    Hydra4jException.Problem lr =
        problems.stream().filter(p -> p.key().equals("training.lr")).findFirst().orElseThrow();
    assertEquals("expected number, got \"fast\" (string)", lr.message());
    assertEquals(broken.lines().toList().indexOf("  lr: fast") + 1, lr.origin().line());
  }

  @Test
  void aRecordTypesSchemaAcceptsWhatItBindsAndRefusesUnknownKeys() {
    Schema schema = networknt(ConfigSchema.of(Training.class));
    for (String training : List.of("base", "long", "fast")) {
      Config cfg = Hydra4j.load(CONF, "config", "training=" + training);
      assertEquals(List.of(), schema.validate(json(cfg.getConfig("training")), InputFormat.JSON));
      cfg.bind("training", Training.class);
    }
    List<Error> errors =
        schema.validate(
            "{\"epochs\": 1, \"batch_size\": 2, \"image_size\": 3, \"lr\": 0.1, \"patience\": 1,"
                + " \"model\": \"m\", \"device\": null, \"momentum\": 0.9}",
            InputFormat.JSON);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("additionalProperties", errors.get(0).getKeyword());
  }

  @Test
  void keywordsHydra4jDoesNotCheckAreReportedNotPassed() throws IOException {
    Path schema =
        Files.writeString(
            dir.resolve("s.json"),
            "{\"type\": \"object\", \"dependentRequired\": {\"a\": [\"b\"]}}");
    Path config = Files.writeString(dir.resolve("c.yaml"), "a: 1\n");
    List<Hydra4jException.Problem> problems = ConfigSchema.validate(schema, config);
    assertEquals(1, problems.size());
    assertTrue(
        problems.get(0).message().contains("'dependentRequired' is not checked"),
        problems.get(0).message());
  }
}
