package dev.hydra4j.cli;

import dev.hydra4j.execute.SavedSweep;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Base of {@code resume} and {@code rerun}: a saved sweep, launched again. */
abstract class RelaunchCommand extends SweepDirCommand {

  @Parameters(
      index = "1..*",
      paramLabel = "hydra.launcher.KEY=VALUE",
      description = "Launcher settings for this launch, e.g. hydra.launcher.timeout_min=120.")
  List<String> launcherOverrides = new ArrayList<>();

  @Option(
      names = "--wait",
      description =
          "For a SLURM sweep: follow the jobs until they end (default: submit and" + " return).")
  boolean waitForJobs;

  /** The pipeline in the directory given, or {@code null} when it holds one sweep. */
  dev.hydra4j.execute.SavedPipeline pipeline() {
    java.nio.file.Path dir = dirBeforeOverrides(launcherOverrides);
    return dev.hydra4j.execute.SavedPipeline.is(dir)
        ? dev.hydra4j.execute.SavedPipeline.open(dir, err, launcherOverrides)
        : null;
  }

  SavedSweep sweep() {
    return SavedSweep.open(dirBeforeOverrides(launcherOverrides), err, launcherOverrides)
        .following(waitForJobs);
  }
}
