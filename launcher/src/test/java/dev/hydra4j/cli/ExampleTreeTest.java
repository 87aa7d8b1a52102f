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
 * The README's real-world example, examples/lightning-style/configs (a tree in the style of the
 * Lightning-Hydra template), composed from the directory itself: every command line prints exactly
 * what Hydra 1.3.5 printed for it (conformance-real-world/example.json).
 */
class ExampleTreeTest {

  static final Path TREE = Path.of("..", "examples", "lightning-style", "configs");

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in =
        ExampleTreeTest.class.getResourceAsStream("/conformance-real-world/example.json")) {
      List<Arguments> out = new ArrayList<>();
      new ObjectMapper()
          .readTree(in)
          .get("cases")
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
  void theOptunaSearchRunsOnTheBuiltInSweeper() {
    assertTrue(Files.isDirectory(TREE), TREE.toAbsolutePath().toString());
    // hparams_search/mnist_optuna.yaml is written for Hydra's Optuna plugin, unchanged;
    // paths.root_dir stands in for ${oc.env:PROJECT_ROOT}, which the test cannot set.
    CliRun run =
        CliRun.of(
            "-cp",
            TREE.toString(),
            "-cn",
            "train",
            "-m",
            "hparams_search=mnist_optuna",
            "paths.root_dir=.",
            "--dry-run",
            "--",
            "true");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("study of 20 trials"), run.out());
    assertTrue(run.out().contains("objective val/acc_best (maximize)"), run.out());
    assertTrue(run.out().contains("model.optimizer.lr: float in [0.0001, 0.1]"), run.out());
    assertTrue(run.out().contains("data.batch_size: one of [32, 64, 128, 256]"), run.out());
  }
}
