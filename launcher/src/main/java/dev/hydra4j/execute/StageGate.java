package dev.hydra4j.execute;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StatusFile;
import dev.hydra4j.run.Upstream;
import dev.hydra4j.sweep.PlannedJob;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, as a pipeline stage is launched, which of its jobs go to the launcher: a job whose
 * upstream job did not complete is recorded SKIPPED and never launched; one whose upstream job has
 * not ended yet waits, unless the launcher orders jobs itself (SLURM dependencies).
 */
final class StageGate {

  private StageGate() {}

  /**
   * The jobs of {@code plan} to launch now.
   *
   * @param schedulerWaits whether the launcher makes jobs wait for their upstream jobs itself
   * @param jobDirs every job's directory, where SKIPPED is recorded
   */
  static PlannedJobs admit(
      Path sweepDir,
      PlannedJobs plan,
      boolean schedulerWaits,
      Map<Integer, Path> jobDirs,
      PrintStream err)
      throws IOException {
    Upstream upstream = Upstream.of(sweepDir);
    if (upstream.isEmpty()) {
      return plan;
    }
    List<PlannedJob> admitted = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      PlannedJob job = plan.job(i);
      Upstream.Verdict verdict = upstream.verdict(job.num());
      switch (verdict.readiness()) {
        case READY -> admitted.add(job);
        case WAITING -> {
          if (schedulerWaits) {
            admitted.add(job);
          } else {
            waiting.add(job.num() + " (" + verdict.reason() + ")");
          }
        }
        case BLOCKED -> {
          Path dir = jobDirs.get(job.num());
          Files.createDirectories(dir);
          int attempt = StatusFile.read(dir, job.num()).attempt();
          StatusFile.write(dir, Upstream.skipped(job.num(), attempt, verdict.reason()));
          skipped.add(job.num() + " (" + verdict.reason() + ")");
        }
      }
    }
    String stage = sweepDir.getFileName().toString();
    if (!skipped.isEmpty()) {
      err.println(
          "hydra4j: stage "
              + stage
              + ": "
              + skipped.size()
              + " job(s) "
              + JobState.SKIPPED
              + ", their upstream job did not complete: "
              + String.join(", ", skipped));
    }
    if (!waiting.isEmpty()) {
      err.println(
          "hydra4j: stage "
              + stage
              + ": not starting "
              + waiting.size()
              + " job(s) whose upstream job has not ended: "
              + String.join(", ", waiting));
    }
    return PlannedJobs.of(admitted);
  }
}
