package dev.hydra4j.launch.slurm;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code kill} of a SLURM sweep: one scancel of every array that still has a job pending or
 * running. SLURM cancels exactly those tasks; finished ones keep their state. Waits until SLURM
 * shows them ended, then records in each job's status file what the job could not (a task cancelled
 * while pending never started and wrote nothing).
 */
public final class SweepCancel {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private SweepCancel() {}

  /** Cancels the sweep's pending and running jobs; returns the exit code (0). */
  public static int cancel(
      Path sweepDir, Map<Integer, Path> jobDirs, SlurmClient client, PrintStream out) {
    client.checkReachable();
    SlurmSweepStatus before = SlurmSweepStatus.read(sweepDir, jobDirs, client);
    before.notes().forEach(n -> out.println("note: " + n));
    if (before.activeArrays().isEmpty()) {
      out.println("nothing to cancel: no job of " + sweepDir + " is pending or running in SLURM");
      return 0;
    }
    int running = 0;
    int pending = 0;
    int finished = 0;
    for (JobStatus s : before.statuses().values()) {
      if (s.state() == JobState.RUNNING) {
        running++;
      } else if (s.state() == JobState.PENDING && before.slurmId(s.num()) != null) {
        pending++;
      } else if (s.state().isTerminal()) {
        finished++;
      }
    }
    client.cancel(before.activeArrays());
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    SlurmSweepStatus after = SlurmSweepStatus.read(sweepDir, jobDirs, client);
    while (!after.activeArrays().isEmpty() && System.nanoTime() < deadline) {
      sleep(500);
      after = SlurmSweepStatus.read(sweepDir, jobDirs, client);
    }
    after.recordFinalStates();
    out.println(
        "cancelled "
            + (running + pending)
            + " job(s) of "
            + sweepDir
            + " ("
            + running
            + " running, "
            + pending
            + " pending) with scancel "
            + before.activeArrays().stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + " " + b)
                .orElse("")
            + "; "
            + finished
            + " finished job(s) untouched");
    if (!after.activeArrays().isEmpty()) {
      out.println(
          "note: SLURM still shows arrays "
              + after.activeArrays()
              + " active after "
              + PATIENCE.toSeconds()
              + " s; hydra4j status "
              + sweepDir
              + " shows where they are");
    }
    return 0;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
