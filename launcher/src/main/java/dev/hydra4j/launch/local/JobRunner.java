package dev.hydra4j.launch.local;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.StopSignal;
import dev.hydra4j.run.Host;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.PruneRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one attempt of one job on the calling thread: starts the process, streams its output,
 * enforces the time limit and stop requests, and returns its final status. The process is watched
 * by the thread that started it, so every signal to it comes from one place.
 */
final class JobRunner {

  /** How often a waiting worker looks at the clock and the stop signal. */
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private static final File NO_INPUT = new File("/dev/null");
  private static final Path CURRENT_DIR = Path.of("").toAbsolutePath();

  private final StopSignal stop;
  private final Duration killGrace;
  private final Executor pumps;
  private final Consumer<String> log;

  JobRunner(StopSignal stop, Duration killGrace, Executor pumps, Consumer<String> log) {
    this.stop = stop;
    this.killGrace = killGrace;
    this.pumps = pumps;
    this.log = log;
  }

  /** The end of an attempt: its status, and when its logs are complete. */
  record Attempt(JobStatus status, JobOutput output) {

    /** Completes when the logs are closed; at once for a job that did not start. */
    CompletableFuture<Void> logsClosed() {
      return output == null ? CompletableFuture.completedFuture(null) : output.closed();
    }
  }

  /**
   * Runs {@code spec} as attempt {@code attempt}; {@code started} receives the RUNNING status once
   * the process exists. Returns when the process has exited; its logs may still be closing (see
   * {@link Attempt#logsClosed()}).
   */
  Attempt run(JobSpec spec, int attempt, Consumer<JobStatus> started) {
    Instant start = Instant.now();
    Path dir = spec.jobDir();
    if (!Files.isDirectory(dir)) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        return notStarted(spec, attempt, start, "cannot create the job directory: " + e);
      }
    }
    ProcessBuilder builder =
        new ProcessBuilder(spec.argv()).redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
    if (!spec.workingDir().toAbsolutePath().normalize().equals(CURRENT_DIR)) {
      builder.directory(spec.workingDir().toFile());
    }
    if (!spec.env().isEmpty()) {
      // Only when needed: an explicit environment makes every start a little slower.
      builder.environment().putAll(spec.env());
    }
    JobOutput output = new JobOutput(dir);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      // e.g. Cannot run program "trian.py" (in directory "/x"): error=2, No such file or
      // directory — Java's message already names the program, the directory and the reason.
      try {
        output.failedToStart("hydra4j: " + e.getMessage());
      } catch (IOException unwritable) {
        log.accept("job " + spec.num() + ": cannot write its logs: " + unwritable);
      }
      return notStarted(spec, attempt, start, e.getMessage());
    }
    output.pump(process, pumps);
    ProcessTree tree = new ProcessTree(process);
    JobState signalled;
    try {
      started.accept(JobStatus.running(spec.num(), attempt, start, Host.name(), process.pid()));
      signalled = watch(process, tree, spec.timeout(), spec.jobDir());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tree.kill();
      signalled = JobState.INTERRUPTED;
    } finally {
      // Only on an unexpected exception: a job must not outlive the worker watching it.
      if (process.isAlive()) {
        tree.kill();
      }
    }
    int exit = waitUninterruptibly(process);
    JobState state;
    if (signalled != null) {
      // Even an exit code 0 after our SIGTERM is not a completion: the task stopped early.
      state = signalled;
    } else if (exit == 0) {
      state = JobState.COMPLETED;
    } else {
      // A stop requested while the job ended: Ctrl-C in a terminal reaches the jobs directly.
      state = stop.isRequested() ? JobState.INTERRUPTED : JobState.FAILED;
    }
    JobStatus ended =
        new JobStatus(
            spec.num(),
            state,
            exit,
            start,
            Instant.now(),
            null,
            Host.name(),
            process.pid(),
            attempt,
            Map.of());
    return new Attempt(ended, output);
  }

  /**
   * Waits for the process, signalling its tree on a timeout or a stop request. Returns the state
   * the launcher imposed (TIMEOUT, INTERRUPTED, PRUNED) or {@code null} if it exited by itself.
   */
  private JobState watch(Process process, ProcessTree tree, Duration timeout, Path jobDir)
      throws InterruptedException {
    long begin = System.nanoTime();
    long limit = timeout == null ? Long.MAX_VALUE : saturatedNanos(timeout);
    long graceNanos = saturatedNanos(killGrace);
    JobState reason = null;
    long signalledAt = 0;
    boolean killed = false;
    while (true) {
      long now = System.nanoTime();
      if (reason == null && process.isAlive()) {
        if (stop.isRequested()) {
          reason = JobState.INTERRUPTED;
        } else if (now - begin >= limit) {
          reason = JobState.TIMEOUT;
        } else if (jobDir != null && PruneRequest.isRequested(jobDir)) {
          reason = JobState.PRUNED;
        }
        if (reason != null) {
          tree.terminate();
          signalledAt = now;
        }
      }
      if (reason != null && !killed && (stop.isImmediate() || now - signalledAt >= graceNanos)) {
        tree.kill();
        killed = true;
      }
      boolean exited = !process.isAlive();
      if (exited && (reason == null || killed || tree.allDead())) {
        return reason;
      }
      long wait = SLICE_NANOS;
      if (reason == null && limit != Long.MAX_VALUE) {
        wait = Math.min(wait, Math.max(1, limit - (now - begin)));
      }
      if (exited) {
        TimeUnit.NANOSECONDS.sleep(wait);
      } else {
        process.waitFor(wait, TimeUnit.NANOSECONDS);
      }
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static int waitUninterruptibly(Process process) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return process.waitFor();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Attempt notStarted(JobSpec spec, int attempt, Instant start, String why) {
    return new Attempt(
        new JobStatus(
            spec.num(),
            JobState.FAILED,
            null,
            start,
            Instant.now(),
            null,
            Host.name(),
            null,
            attempt,
            Map.of(JobStatus.ERROR, why)),
        null);
  }
}
