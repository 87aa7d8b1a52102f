package dev.hydra4j.cli;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.results.RunAddress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person typed (a directory, a run's name, a tag, or {@code --latest}) into a run or
 * sweep directory, searching where the current config tree says runs live; {@code NAME:3} names job
 * 3 of a sweep.
 */
final class RunLocator {

  private static final Pattern JOB = Pattern.compile("(.+):(\\d+)");

  /** A run or sweep, and one job of it ({@code null}: all of it). */
  record Target(Path dir, Integer job) {}

  private RunLocator() {}

  /** As {@link #locate}, where {@code NAME:N} (a word that is no file) means job N of NAME. */
  static Target locateJob(String word, boolean latest, PrintStream notices) {
    Matcher m = word == null ? null : JOB.matcher(word);
    if (m != null && m.matches() && !java.nio.file.Files.exists(Path.of(word))) {
      return new Target(locate(m.group(1), latest, notices), Integer.valueOf(m.group(2)));
    }
    return new Target(locate(word, latest, notices), null);
  }

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
