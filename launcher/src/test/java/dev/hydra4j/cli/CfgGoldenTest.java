package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden CLI tests: each folder under {@code cli-golden/} holds a config tree ({@code conf/}), the
 * arguments ({@code args}, one per line) and the expected standard output ({@code stdout}) and exit
 * code ({@code exit}, 0 when absent). The expected outputs are what Hydra 1.3 prints for the same
 * tree (YAML checked against PyYAML).
 */
class CfgGoldenTest {

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static Path root() throws URISyntaxException {
    return Path.of(CfgGoldenTest.class.getResource("/cli-golden").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsWhatHydraPrints(String name) throws Exception {
    Path dir = root().resolve(name);
    List<String> args = new ArrayList<>();
    args.add("-cp");
    args.add(dir.resolve("conf").toString());
    for (String line : Files.readAllLines(dir.resolve("args"))) {
      if (!line.isBlank()) {
        args.add(line);
      }
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    int expectedExit =
        Files.exists(dir.resolve("exit"))
            ? Integer.parseInt(Files.readString(dir.resolve("exit")).trim())
            : 0;
    assertEquals(expectedExit, run.exitCode(), run.err());
    assertEquals(Files.readString(dir.resolve("stdout")), run.out());
  }
}
