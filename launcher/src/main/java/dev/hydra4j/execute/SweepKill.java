package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.registry.Launchers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kill <sweep dir>}: stops a sweep from any shell, as its launcher kind does it (a SLURM
 * sweep's jobs are cancelled with scancel; a local sweep's launcher gets SIGINT, as Ctrl-C in its
 * terminal would). Finished jobs are never touched.
 */
public final class SweepKill {

  private SweepKill() {}

  /** Returns the exit code: 0 when stopped (or nothing was running), 1 when it could not. */
  public static int kill(Path sweepDir, PrintStream out) {
    if (!Files.isDirectory(sweepDir)) {
      throw new ConfigException(
          "'" + sweepDir + "' does not exist",
          Origin.of(sweepDir.toString()),
          "give a sweep directory such as multirun/2026-01-31/12-00-00");
    }
    Path dir = sweepDir.toAbsolutePath().normalize();
    SavedPlan plan = SavedPlan.read(dir);
    try {
      return Launchers.ofSweep(plan.launcher(), dir).cancel(dir, jobDirs(plan, dir), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<Integer, Path> jobDirs(SavedPlan plan, Path dir) {
    Map<Integer, Path> dirs = new TreeMap<>();
    for (SavedPlan.Job job : plan.jobs()) {
      dirs.put(job.num(), dir.resolve(job.dir()));
    }
    return dirs;
  }
}
