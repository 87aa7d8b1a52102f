package dev.hydra4j.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a pipeline file: the stages in launch order, and every mistake located. */
class PipelineFileTest {

  @TempDir Path dir;

  private Pipeline read(String yaml) throws IOException {
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, yaml);
    return Pipeline.read(file);
  }

  private ConfigException refused(String yaml) {
    return assertThrows(ConfigException.class, () -> read(yaml));
  }

  @Test
  void stagesLaunchAfterTheStagesTheyDependOnWhateverTheirOrderInTheFile() throws IOException {
    Pipeline p =
        read(
            """
            stages:
              aggregate:
                depends_on: eval
                command: [python3, aggregate.py, "${hydra:upstream.eval.output_dir}"]
              eval:
                depends_on: {train: each}
                overrides: ["seed=range(4)"]
              train:
                overrides: ["seed=range(4)", training.lr=0.1]
              report:
            """);
    assertEquals(
        List.of("train", "eval", "aggregate", "report"),
        p.stages().stream().map(Stage::name).toList());
    Stage eval = p.stage("eval");
    assertEquals(List.of("seed=range(4)"), eval.overrides());
    assertEquals(List.of(), eval.command());
    assertEquals("train", eval.dependsOn().get(0).stage());
    assertTrue(eval.dependsOn().get(0).each());
    Stage aggregate = p.stage("aggregate");
    assertFalse(aggregate.dependsOn().get(0).each());
    assertEquals("${hydra:upstream.eval.output_dir}", aggregate.command().get(2));
    assertEquals(List.of("seed=range(4)", "training.lr=0.1"), p.stage("train").overrides());
  }

  @Test
  void dependsOnTakesANameAListOrAMappingToEachOrAll() throws IOException {
    Pipeline p =
        read(
            """
            stages:
              a: {}
              b: {}
              c: {depends_on: [a, b]}
              d: {depends_on: {a: all, b: each}}
            """);
    assertEquals(
        List.of(false, false), p.stage("c").dependsOn().stream().map(Dependency::each).toList());
    assertEquals(
        List.of(false, true), p.stage("d").dependsOn().stream().map(Dependency::each).toList());
  }

  @Test
  void anUnknownKeyIsNamedAtItsLineWithTheClosestKnownOne() {
    ConfigException e =
        refused(
            """
            stages:
              train:
                overides: [seed=1]
            """);
    assertEquals("Unknown key 'overides' in stage 'train'", e.getMessage());
    assertTrue(e.origin().toString().endsWith("pipeline.yaml:3:15"), e.render());
    assertTrue(e.hint().startsWith("did you mean 'overrides'?"), e.hint());
    ConfigException top = refused("stage:\n  train: {}\n");
    assertTrue(top.getMessage().contains("Unknown key 'stage'"), top.render());
    assertTrue(top.hint().contains("'stages'"), top.hint());
  }

  @Test
  void aDependencyOnAStageThatDoesNotExistSuggestsTheClosest() {
    ConfigException e =
        refused(
            """
            stages:
              train: {}
              eval:
                depends_on: {trian: each}
            """);
    assertEquals("Stage 'eval' depends on 'trian', which is no stage", e.getMessage());
    assertTrue(e.origin().toString().contains("pipeline.yaml:4:"), e.render());
    assertTrue(e.hint().startsWith("did you mean 'train'?"), e.hint());
  }

  @Test
  void aCycleIsReportedWithEveryStageOnIt() {
    ConfigException e =
        refused(
            """
            stages:
              a: {depends_on: c}
              b: {depends_on: a}
              c: {depends_on: b}
            """);
    assertEquals("The stages depend on each other in a cycle: a -> c -> b -> a", e.getMessage());
    assertTrue(e.origin().toString().contains("pipeline.yaml:2:"), e.render());
    ConfigException self = refused("stages:\n  a: {depends_on: a}\n");
    assertEquals("Stage 'a' depends on itself", self.getMessage());
  }

  @Test
  void badValuesAreRefusedWithTheFix() {
    assertTrue(
        refused("stages:\n  a: {}\n  b: {depends_on: {a: every}}\n")
            .getMessage()
            .contains("'a: every' is neither 'each' nor 'all'"));
    assertTrue(refused("stages:\n  '0': {}\n").getMessage().contains("'0' cannot name a stage"));
    assertTrue(
        refused("stages:\n  a: {command: []}\n").getMessage().contains("has an empty command"));
    assertTrue(
        refused("stages:\n  a: {overrides: seed=1}\n")
            .getMessage()
            .contains("'overrides' must be a list"));
    assertTrue(
        refused("stages:\n  a: {overrides: [1]}\n").getMessage().contains("must be a string"));
    assertTrue(refused("stages: {}\n").getMessage().contains("needs 'stages'"));
    assertTrue(
        assertThrows(ConfigException.class, () -> Pipeline.read(dir.resolve("missing.yaml")))
            .getMessage()
            .contains("does not exist"));
  }
}
