package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.slurm.SlurmClient;
import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.launch.slurm.SweepCancel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code kill <sweep dir>}: stops a sweep from any shell. A SLURM sweep's pending and running jobs
 * are cancelled with scancel; a local sweep's launcher gets SIGINT, as if Ctrl-C had been pressed
 * in its terminal (it stops its jobs and records them INTERRUPTED). Finished jobs are never
 * touched.
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
    if (plan.launcher().equals("slurm") || SubmissionLog.exists(dir)) {
      return SweepCancel.cancel(dir, jobDirs(plan, dir), new SlurmClient(), out);
    }
    try {
      return killLocal(dir, out);
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

  private static int killLocal(Path dir, PrintStream out) throws IOException {
    var recorded = LauncherProcess.read(dir);
    if (recorded.isEmpty()) {
      out.println(
          "nothing to stop: no hydra4j launcher is running for "
              + Multirun.display(dir)
              + " (it has finished, or was killed)");
      return 0;
    }
    LauncherProcess launcher = recorded.get();
    if (!launcher.isAliveHere()) {
      if (!launcher.host().equals(dev.hydra4j.run.Host.name())) {
        out.println(
            "cannot stop it from here: the sweep's launcher runs on "
                + launcher.host()
                + " as pid "
                + launcher.pid()
                + "; run hydra4j kill there, or press Ctrl-C in its"
                + " terminal");
        return 1;
      }
      out.println(
          "nothing to stop: the sweep's launcher (pid "
              + launcher.pid()
              + ") is no longer running");
      return 0;
    }
    Process signal =
        new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid()))
            .redirectErrorStream(true)
            .start();
    String said =
        new String(signal.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (signal.waitFor() != 0) {
        out.println("cannot signal the launcher (pid " + launcher.pid() + "): " + said);
        return 1;
      }
      out.println(
          "asked the sweep's launcher (pid "
              + launcher.pid()
              + ") to stop, as Ctrl-C"
              + " would: it stops its running jobs and records them INTERRUPTED");
      // It removes its record when it has stopped; give it the kill grace and a little more.
      for (int i = 0; i < 150 && Files.exists(dir.resolve(LauncherProcess.NAME)); i++) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (Files.exists(dir.resolve(LauncherProcess.NAME))) {
      out.println("it is still stopping; run hydra4j kill again to kill its jobs at once");
    } else {
      out.println("stopped; hydra4j resume " + Multirun.display(dir) + " runs what is left");
    }
    return 0;
  }
}
