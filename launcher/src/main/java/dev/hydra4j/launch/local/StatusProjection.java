package dev.hydra4j.launch.local;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps each job's {@code status.json} a copy of what the sweep journal records, for readers of job
 * directories (tools, {@code jq}, older hydra4j versions). The journal is the truth and is written
 * first; copies are written on threads of their own, unflushed, so the workers never wait for them.
 * A RUNNING copy is written only for a job still running a moment after its start: most short jobs
 * get one file, their end. A job is forgotten once its end is copied.
 */
final class StatusProjection {

  /** How long a job runs before its RUNNING state is copied. */
  static final long RUNNING_DELAY_MILLIS = 500;

  /** How often running jobs are looked at for that. */
  private static final long SCAN_MILLIS = 250;

  private static final int THREADS = 2;

  private final ScheduledThreadPoolExecutor pool;
  private final Consumer<String> log;
  private final Map<Path, Slot> slots = new ConcurrentHashMap<>();
  private volatile boolean scanning;

  /**
   * The newest state of one job, and whether it is copied yet: a flag rather than comparing states,
   * since a record's equals is linked at its first call (~10 ms of a single run).
   */
  private static final class Slot {
    JobStatus latest;
    boolean copied;

    synchronized boolean ended() {
      return copied && latest.state() != JobState.RUNNING;
    }

    synchronized boolean runningSince(Instant due) {
      return !copied
          && latest.state() == JobState.RUNNING
          && latest.start() != null
          && !latest.start().isAfter(due);
    }
  }

  StatusProjection(Consumer<String> log) {
    this.log = log;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ScheduledThreadPoolExecutor(
            THREADS,
            task -> {
              Thread t = new Thread(task, "hydra4j-status-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // At the end every job has ended; its end is copied, a pending RUNNING copy is moot.
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** The job in {@code jobDir} started: copied if it still runs in a moment. */
  void running(Path jobDir, JobStatus status) {
    set(jobDir, status);
    if (!scanning) {
      startScanning();
    }
  }

  /** The job in {@code jobDir} ended (its journal record is written): copied soon. */
  void ended(Path jobDir, JobStatus status) {
    set(jobDir, status);
    pool.execute(
        () -> {
          copy(jobDir);
          // Only running jobs and ends not yet copied stay: a long sweep's map stays small.
          slots.computeIfPresent(jobDir, (dir, slot) -> slot.ended() ? null : slot);
        });
  }

  /**
   * One look every {@link #SCAN_MILLIS} for jobs running longer than {@link #RUNNING_DELAY_MILLIS},
   * rather than a timer per job: most jobs of a quick sweep end before any look.
   */
  private synchronized void startScanning() {
    if (scanning) {
      return;
    }
    scanning = true;
    // copy() reports its own failures: the future holds nothing to wait for.
    Future<?> unused =
        pool.scheduleWithFixedDelay(this::copyLongRunning, SCAN_MILLIS, SCAN_MILLIS, MILLISECONDS);
  }

  private void copyLongRunning() {
    Instant due = Instant.now().minusMillis(RUNNING_DELAY_MILLIS);
    slots.forEach(
        (dir, slot) -> {
          if (slot.runningSince(due)) {
            copy(dir);
          }
        });
  }

  private void set(Path jobDir, JobStatus status) {
    Slot slot = slots.computeIfAbsent(jobDir, d -> new Slot());
    synchronized (slot) {
      slot.latest = status;
      slot.copied = false;
    }
  }

  private void copy(Path jobDir) {
    Slot slot = slots.get(jobDir);
    if (slot == null) {
      return;
    }
    synchronized (slot) {
      JobStatus status = slot.latest;
      if (slot.copied) {
        return;
      }
      try {
        StatusFile.writeCopy(jobDir, status);
        slot.copied = true;
      } catch (IOException | RuntimeException e) {
        // The journal holds the state; resume writes the copy again.
        log.accept("job " + status.num() + ": cannot write its status file: " + e);
      }
    }
  }

  /** Waits until every end is copied, then stops the threads. */
  void finish() {
    pool.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.DAYS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
