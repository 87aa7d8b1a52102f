package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's real-world example, examples/lightning-style/configs (a tree in the style of
 * the Lightning-Hydra template), composed from the directory itself: every command line
 * prints exactly what Hydra 1.3.5 printed for it (conformance-real-world/example.json).
 */
class ExampleTreeTest {

  static final Path TREE = Path.of("..", "examples", "lightning-style", "configs");

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in = ExampleTreeTest.class.getResourceAsStream(
        "/conformance-real-world/example.json")) {
      List<Arguments> out = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases")
          .forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsWhatHydraPrints(String id, JsonNode golden) {
    List<String> args = new ArrayList<>(List.of("-cp", TREE.toString(), "-cn", "train"));
    golden.get("args").forEach(a -> args.add(a.asText()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(golden.get("stdout").asText(), run.out());
  }

  @Test
  void theOptunaSearchIsRefusedWithTheSweepersThatExist() {
    assertTrue(Files.isDirectory(TREE), TREE.toAbsolutePath().toString());
    CliRun run = CliRun.of("-cp", TREE.toString(), "-cn", "train", "--cfg", "job",
        "hparams_search=mnist_optuna");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("'optuna' of config group 'hydra/sweeper'"), run.err());
    assertTrue(run.err().contains("hparams_search/mnist_optuna.yaml"), run.err());
    assertTrue(run.err().contains("Python Hydra plugin"), run.err());
    assertTrue(run.err().contains("basic"), run.err());
  }
}
