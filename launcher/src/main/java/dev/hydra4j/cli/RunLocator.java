package dev.hydra4j.cli;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.results.RunAddress;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Turns what a person typed (a directory, a run's name, a tag, or {@code --latest}) into a run or
 * sweep directory, searching where the current config tree says runs live.
 */
final class RunLocator {

  private RunLocator() {}

  static Path locate(String word, boolean latest, PrintStream notices) {
    if (word != null && latest) {
      throw new ConfigException(
          "Give a directory or --latest, not both", Origin.of("--latest"), null);
    }
    if (word == null && !latest) {
      throw new ConfigException(
          "Which run? Give its directory, its name or --latest",
          Origin.of("the command line"),
          "e.g. multirun/2026-01-31/12-00-00 or lr_sweep"
              + " (`hydra4j runs` lists them), or --latest for the newest");
    }
    if (word != null && java.nio.file.Files.exists(Path.of(word))) {
      return Path.of(word); // a directory needs no config tree to find it
    }
    Path project = Path.of("").toAbsolutePath();
    CurrentTree tree = new CurrentTree(project, notices);
    return latest
        ? RunAddress.latest(tree.roots(), project)
        : RunAddress.resolve(word, tree.roots(), project);
  }
}
