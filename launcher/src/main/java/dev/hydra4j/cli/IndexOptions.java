package dev.hydra4j.cli;

import dev.hydra4j.results.Runs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where {@code runs} and {@code export} look for runs, and where their index lives. */
final class IndexOptions {

  @Option(
      names = "--project",
      paramLabel = "DIR",
      description =
          "The project directory: its conf/, its runs and its index (default: the"
              + " current directory).")
  Path project = Path.of("");

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Also search DIR for runs and sweeps, this time (repeatable). Always"
              + " searched: where hydra.run.dir and hydra.sweep.dir of conf/config.yaml put runs,"
              + " hydra.results.roots, and every run started from this directory.")
  List<Path> roots = new ArrayList<>();

  @Option(
      names = "--index",
      paramLabel = "FILE",
      description =
          "The index file (default: .hydra4j/index.db). It is a cache of the run"
              + " directories and safe to delete.")
  Path index;

  @Option(names = "--rebuild-index", description = "Rebuild the index from the directories.")
  boolean rebuild;

  Runs.Scope scope(java.io.PrintStream notices) {
    Path base = project.toAbsolutePath().normalize();
    return new Runs.Scope(base, new CurrentTree(base, notices).roots(), roots, index, rebuild);
  }
}
