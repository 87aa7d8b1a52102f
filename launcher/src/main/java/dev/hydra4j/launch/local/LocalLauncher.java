package dev.hydra4j.launch.local;

import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.SweepResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs jobs as processes on this machine, {@code nJobs} at a time (Hydra's {@code
 * hydra/launcher=basic} with parallelism, like its joblib launcher's {@code n_jobs}).
 *
 * <p>Each job's start and end go to the sweep's {@link dev.hydra4j.run.SweepJournal}, the end
 * flushed to disk (with the job's {@code .hydra/} files) before the job counts as done. Into the
 * job directory it writes: {@code status.json} (a copy of the journal: RUNNING for a job still
 * running after half a second, then its end), {@code stdout.log} and {@code stderr.log} (the
 * streams byte for byte, as they arrive) and {@code combined.log} (both, line by line, timestamped
 * and tagged {@code [out]}/{@code [err]}). Standard input is {@code /dev/null}.
 *
 * <ul>
 *   <li>Time limit: SIGTERM to the job's process tree, SIGKILL after the grace period; the job is
 *       TIMEOUT.
 *   <li>Stop (first Ctrl-C): no new jobs; running ones get SIGTERM, SIGKILL after the grace period,
 *       and are INTERRUPTED; a second request kills them at once. The summary is still written and
 *       the result's exit code is 130.
 *   <li>Failure policy: see {@link dev.hydra4j.launch.FailurePolicy}. Jobs not started stay
 *       PENDING: no status file is written for them.
 *   <li>Retries: a FAILED or TIMEOUT job starts again up to {@code retries} times; the attempt
 *       counter continues across launches and earlier attempts' logs are kept as {@code
 *       stdout.attempt<N>.log} etc.
 *   <li>A command that cannot start (not found, not executable, missing working directory) is
 *       FAILED with no exit code, its reason in {@code error} and in {@code stderr.log}, and is not
 *       retried.
 *   <li>GPU slots: with {@link GpuSlots}, each running job holds one slot, given to it as {@code
 *       CUDA_VISIBLE_DEVICES} (and recorded in its status), so jobs running at once never share a
 *       GPU; at most as many jobs as there are slots run at once, whatever {@code nJobs} says. A
 *       retry keeps its slot.
 *   <li>Background processes a job leaves behind when it exits normally are not killed (as with any
 *       shell); their output keeps going to the job's logs.
 * </ul>
 */
public final class LocalLauncher implements Launcher {

  private final int nJobs;
  private final GpuSlots gpus;

  /**
   * @param nJobs how many jobs run at once; 1 runs them one after another
   */
  public LocalLauncher(int nJobs) {
    this(nJobs, GpuSlots.NONE);
  }

  /**
   * @param nJobs how many jobs run at once, at most one per GPU slot when there are slots
   * @param gpus the GPU slots the jobs share ({@link GpuSlots#NONE}: no CUDA variable is set)
   */
  LocalLauncher(int nJobs, GpuSlots gpus) {
    if (nJobs < 1) {
      throw new IllegalArgumentException("n_jobs must be at least 1: " + nJobs);
    }
    this.nJobs = nJobs;
    this.gpus = gpus;
  }

  /**
   * What {@code --dry-run} shows beyond the jobs: the GPU slots and how they cap the jobs running
   * at once. Empty without GPU slots (apart from a note why {@code auto} found none).
   */
  List<String> preview() {
    List<String> lines = new ArrayList<>();
    if (gpus.note() != null) {
      lines.add(gpus.note());
    }
    if (gpus.isEmpty()) {
      return lines;
    }
    int atOnce = Math.min(nJobs, gpus.count());
    lines.add(
        "GPU slots: "
            + gpus.count()
            + ", of "
            + gpus.slots().get(0).size()
            + " GPU(s) each; at most "
            + atOnce
            + " job(s) at once"
            + (nJobs > gpus.count() ? " (n_jobs=" + nJobs + ", capped by the slots)" : ""));
    for (int slot = 0; slot < gpus.count(); slot++) {
      lines.add(
          "  slot "
              + slot
              + ": "
              + GpuSlots.VISIBLE_DEVICES
              + "="
              + gpus.devices(slot)
              + (slot < atOnce ? "" : "  (unused: n_jobs=" + nJobs + ")"));
    }
    if (!gpus.unused().isEmpty()) {
      lines.add("  not in a slot: " + gpus.unused() + " (fewer than gpus_per_job left over)");
    }
    lines.add("a job takes a free slot when it starts: which job gets which slot is decided then");
    return lines;
  }

  /**
   * No: a job's end is durable in the sweep journal, and its {@code .hydra/} files reach the disk
   * as the task's own outputs do. Flushing them took a third of a short job's time
   * (docs/benchmarks.md) and would not have saved the outputs beside them from a power cut.
   */
  @Override
  public boolean needsFlushedJobFiles() {
    return false;
  }

  @Override
  public SweepResult launch(JobSource jobs, LaunchOptions options) throws IOException {
    return new LocalSweep(jobs, options, nJobs, gpus).run();
  }
}
