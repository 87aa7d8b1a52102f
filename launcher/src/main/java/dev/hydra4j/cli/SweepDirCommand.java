package dev.hydra4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Base of the commands that work on a run or sweep directory. */
abstract class SweepDirCommand extends PrintingCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR|NAME",
      description =
          "The sweep or run: its directory (multirun/2026-01-31/12-00-00), its"
              + " --name, the end of its directory (12-00-00) or a tag.")
  String sweepDir;

  @Option(
      names = "--latest",
      description = "Use the newest run or sweep under outputs/ and multirun/.")
  boolean latest;

  /**
   * With {@code --latest}, a first word such as {@code hydra.launcher.timeout_min=5} lands where
   * the directory would be; it belongs to the overrides that follow.
   */
  Path dirBeforeOverrides(java.util.List<String> overrides) {
    if (latest && sweepDir != null && sweepDir.contains("=")) {
      overrides.add(0, sweepDir);
      sweepDir = null;
    }
    return dir();
  }

  /** The directory given or named, or the newest one with {@code --latest}. */
  Path dir() {
    return RunLocator.locate(sweepDir, latest, err);
  }
}
