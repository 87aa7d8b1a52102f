package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hydra4j schema}: export, and {@code --validate} for configs of non-JVM tasks. */
class SchemaCommandTest {

  private static final String CP = "../conf";

  @TempDir Path tmp;

  @Test
  void exportsTheComposedConfigsSchemaWithOrigins() {
    CliRun r = CliRun.of("schema", "-cp", CP, "training=long");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), r.out());
    assertTrue(r.out().contains("training/long.yaml:4:9\""), r.out());
    assertTrue(r.out().contains("\"additionalProperties\": false"), r.out());
  }

  /** schema takes the config tree's options of the main command, --version-base included. */
  @Test
  void takesTheVersionBaseAsTheMainCommandDoes() {
    CliRun ok = CliRun.of("schema", "-cp", CP, "--version-base", "1.1");
    assertEquals(0, ok.exitCode(), ok.err());
    CliRun bad = CliRun.of("schema", "-cp", CP, "--version-base", "9");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().startsWith("error: Unknown version base '9'"), bad.err());
  }

  @Test
  void aJobsConfigValidatesAndABrokenOneListsEveryProblemWithItsLine() throws Exception {
    CliRun job = CliRun.of("--cfg", "job", "--resolve", "-cp", CP);
    Path good = Files.writeString(tmp.resolve("config.yaml"), job.out());
    CliRun ok = CliRun.of("schema", "-cp", CP, "--validate", good.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertEquals(good + ": valid\n", ok.out());

    Path bad =
        Files.writeString(
            tmp.resolve("bad.yaml"),
            job.out().replace("lr: 0.01", "lr: fast").replace("  epochs: 10\n", ""));
    CliRun r = CliRun.of("schema", "-cp", CP, "--validate", bad.toString());
    assertEquals(2, r.exitCode());
    int lrLine = job.out().lines().toList().indexOf("  lr: 0.01");
    assertTrue(
        r.err().startsWith("error: " + bad + " does not match the schema (2 problems):\n"),
        r.err());
    assertTrue(r.err().contains("training.epochs: is required but missing"), r.err());
    assertTrue(
        r.err()
            .contains(
                bad
                    + ":"
                    + lrLine
                    + ":7: training.lr: expected number, got"
                    + " \"fast\" (string)"),
        r.err());
  }

  @Test
  void aPartialSchemaOfOnePackageChecksAGroupOptionFile() throws Exception {
    Path schema = tmp.resolve("training.schema.json");
    CliRun w =
        CliRun.of("schema", "-cp", CP, "--partial", "-p", "training", "-o", schema.toString());
    assertEquals(0, w.exitCode(), w.err());
    assertFalse(Files.readString(schema).contains("\"required\""));
    CliRun r =
        CliRun.of(
            "schema", "--validate", CP + "/training/long.yaml", "--schema", schema.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path typo = Files.writeString(tmp.resolve("typo.yaml"), "epoch: 3\n");
    CliRun t = CliRun.of("schema", "--validate", typo.toString(), "--schema", schema.toString());
    assertEquals(2, t.exitCode());
    assertTrue(
        t.err().contains(typo + ":1:8: epoch: is not a known key (did you mean" + " 'epochs'?)"),
        t.err());
  }

  @Test
  void badInputIsOneMessageAndExitTwo() throws Exception {
    CliRun p = CliRun.of("schema", "-cp", CP, "-p", "trainin");
    assertEquals(2, p.exitCode());
    assertTrue(p.err().contains("hint: did you mean 'training'?"), p.err());
    CliRun s = CliRun.of("schema", "-cp", CP, "--schema", "x.json");
    assertEquals(2, s.exitCode());
    assertTrue(s.err().startsWith("error: --schema only applies to --validate"), s.err());
    CliRun notYaml = CliRun.of("schema", "-cp", CP, "--validate", "../README.md");
    assertEquals(2, notYaml.exitCode());
    assertTrue(
        notYaml.err().startsWith("error: ../README.md is neither a YAML nor a JSON file"),
        notYaml.err());
    CliRun noDir = CliRun.of("schema", "-cp", CP, "-o", tmp.resolve("no/such/s.json").toString());
    assertEquals(2, noDir.exitCode());
    assertTrue(
        noDir.err().contains("the directory " + tmp.resolve("no/such") + " does not exist"),
        noDir.err());
    CliRun missing = CliRun.of("schema", "-cp", CP, "--validate", "nope.yaml");
    assertEquals(2, missing.exitCode());
    assertTrue(
        missing.err().startsWith("error: Config file nope.yaml does not exist"), missing.err());
    Path badSchema = Files.writeString(tmp.resolve("bad.json"), "{\"type\": 5}");
    CliRun malformed =
        CliRun.of("schema", "--validate", CP + "/config.yaml", "--schema", badSchema.toString());
    assertEquals(2, malformed.exitCode());
    assertEquals(
        "error: The schema's 'type' is not valid JSON Schema\n  at "
            + badSchema
            + ":1:10\n  hint: see https://json-schema.org/understanding-json-schema for its form\n",
        malformed.err());
  }
}
