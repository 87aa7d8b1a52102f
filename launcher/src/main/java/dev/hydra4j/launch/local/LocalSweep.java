package dev.hydra4j.launch.local;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.LauncherLog;
import dev.hydra4j.launch.StateCounts;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.launch.SweepSummary;
import dev.hydra4j.run.Host;
import dev.hydra4j.run.JobLogs;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.SweepJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One launch on this machine: {@code nJobs} worker threads take jobs in index order, each running
 * one job at a time with its retries. A worker starts the process, appends its start to the {@link
 * SweepJournal}, waits for it, and appends its end — flushed to disk (one flush shared by the ends
 * of that moment) before the job counts as done. The logs are written by output threads and each
 * {@code status.json} copy by the {@link StatusProjection}.
 *
 * <p>When the sweep's files cannot be written (disk full, directory made unwritable), no more jobs
 * start, running ones are waited for, whatever can be written is, and the result carries the
 * failure (exit code 3).
 */
final class LocalSweep {

  /** How long to wait for a job's output to close after it exited (see recordEnd). */
  private static final long DRAIN_MILLIS = 2000;

  private final JobSource jobs;
  private final LaunchOptions options;
  private final int nJobs;
  private final GpuSlots gpus;
  private final JobStatus[] results;
  private final Path[] jobDirs;
  private final StateTally tally;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean policyStopped;
  private volatile String ioFailure;
  private LauncherLog log;
  private SweepJournal journal;
  private StatusProjection projection;

  private Map<Integer, Path> dirsByNum;

  LocalSweep(JobSource jobs, LaunchOptions options, int nJobs, GpuSlots gpus) {
    this.jobs = jobs;
    this.options = options;
    this.nJobs = nJobs;
    this.gpus = gpus;
    this.results = new JobStatus[jobs.size()];
    this.jobDirs = new Path[jobs.size()];
    this.tally = new StateTally(jobs.size());
  }

  SweepResult run() throws IOException {
    Instant started = Instant.now();
    Path sweepDir = options.sweepDir();
    Files.createDirectories(sweepDir);
    AtomicInteger threadCount = new AtomicInteger();
    ExecutorService pumps =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "hydra4j-output-" + threadCount.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try (LauncherLog opened = LauncherLog.open(sweepDir);
        SweepJournal opened2 = SweepJournal.open(sweepDir)) {
      log = opened;
      journal = opened2;
      projection = new StatusProjection(log::event);
      log.event(
          "launch: "
              + jobs.size()
              + " jobs, n_jobs="
              + nJobs
              + ", host "
              + Host.name()
              + ", retries "
              + options.retries()
              + ", stop after "
              + (options.failurePolicy().maxFailures() == Integer.MAX_VALUE
                  ? "no failure"
                  : options.failurePolicy().maxFailures() + " failure(s)"));
      announceGpus();
      options.progress().start(tally.snapshot());
      Runnable unlisten = options.stop().onRequest(this::stopRequested);
      try {
        runWorkers(new JobRunner(options.stop(), options.killGrace(), pumps, log::event));
      } finally {
        unlisten.run();
        pumps.shutdown();
        projection.finish();
      }
      boolean interrupted = options.stop().isRequested() && ioFailure == null;
      SweepResult result = SweepResult.of(allStatuses(), interrupted);
      try {
        SweepSummary.write(sweepDir, result, started, Instant.now(), this::jobDir);
      } catch (IOException e) {
        ioFailed("cannot write " + SweepSummary.NAME + ": " + e);
      }
      if (ioFailure != null) {
        result = result.withIoFailure(ioFailure);
      }
      log.event(
          "end: "
              + result.counts().describe()
              + (interrupted ? ", interrupted" : "")
              + "; exit code "
              + result.exitCode());
      options.progress().finish(tally.snapshot());
      return result;
    }
  }

  /** The GPU slots, once, in the log; a note (auto found none) or a cap also on the terminal. */
  private void announceGpus() {
    if (gpus.note() != null) {
      log.event(gpus.note());
      options.progress().message(gpus.note());
    }
    if (gpus.isEmpty()) {
      return;
    }
    log.event(gpus.describe());
    if (nJobs > gpus.count() && jobs.size() > gpus.count()) {
      options
          .progress()
          .message(
              "n_jobs="
                  + nJobs
                  + ", but "
                  + gpus.describe()
                  + ": at most "
                  + gpus.count()
                  + " job(s) run at once");
    }
  }

  /**
   * Worker {@code i} holds GPU slot {@code i} for good: it runs one job (with its retries) at a
   * time, so a slot is never held by two running jobs, and a retry keeps its slot.
   */
  private void runWorkers(JobRunner runner) {
    int count = Math.min(nJobs, Math.max(1, jobs.size()));
    if (!gpus.isEmpty()) {
      count = Math.min(count, gpus.count());
    }
    Thread[] workers = new Thread[count];
    for (int i = 0; i < workers.length; i++) {
      int slot = gpus.isEmpty() ? -1 : i;
      workers[i] = new Thread(() -> work(runner, slot), "hydra4j-worker-" + i);
      workers[i].start();
    }
    for (Thread worker : workers) {
      boolean joined = false;
      while (!joined) {
        try {
          worker.join();
          joined = true;
        } catch (InterruptedException e) {
          // The caller's thread was interrupted: treat it like Ctrl-C and wait for the stop.
          options.stop().request();
        }
      }
    }
  }

  /**
   * @param slot the worker's GPU slot, or -1 without GPU slots
   */
  private void work(JobRunner runner, int slot) {
    while (!options.stop().isRequested() && !policyStopped && ioFailure == null) {
      int index = next.getAndIncrement();
      if (index >= results.length) {
        return;
      }
      JobSpec spec;
      try {
        spec = jobs.get(index);
      } catch (java.io.UncheckedIOException e) {
        // Its files could not be written: it never started, and stays PENDING.
        ioFailed("cannot write the files of job " + jobs.num(index) + ": " + e.getCause());
        return;
      } catch (RuntimeException e) {
        String why = e instanceof ConfigException c ? c.render() : e.toString();
        finish(
            index,
            new JobStatus(
                jobs.num(index),
                JobState.FAILED,
                null,
                Instant.now(),
                Instant.now(),
                null,
                Host.name(),
                null,
                0,
                Map.of(JobStatus.ERROR, why)));
        continue;
      }
      jobDirs[index] = spec.jobDir();
      try {
        finish(index, runWithRetries(runner, index, withSlot(spec, slot), slot));
      } catch (RuntimeException e) {
        // A bug or a broken progress reporter: fail this job, keep the sweep and its summary.
        log.event("job " + spec.num() + ": internal error: " + e);
        JobStatus failed =
            new JobStatus(
                spec.num(),
                JobState.FAILED,
                null,
                null,
                Instant.now(),
                null,
                Host.name(),
                null,
                0,
                Map.of(JobStatus.ERROR, "hydra4j internal error: " + e));
        tally.move(
            results[index] == null ? JobState.PENDING : results[index].state(), JobState.FAILED);
        results[index] = failed;
        finish(index, failed);
      }
    }
  }

  /** {@code spec} with its GPU slot in its environment. */
  private JobSpec withSlot(JobSpec spec, int slot) {
    if (slot < 0) {
      return spec;
    }
    Map<String, String> env = new HashMap<>(spec.env());
    env.put(GpuSlots.VISIBLE_DEVICES, gpus.devices(slot));
    if (!env.containsKey(GpuSlots.DEVICE_ORDER) && System.getenv(GpuSlots.DEVICE_ORDER) == null) {
      env.put(GpuSlots.DEVICE_ORDER, "PCI_BUS_ID");
    }
    return new JobSpec(
        spec.num(),
        spec.jobDir(),
        spec.argv(),
        env,
        spec.workingDir(),
        spec.timeout(),
        spec.launcher());
  }

  /** The status with the job's GPUs, so that status.json and the journal say which it had. */
  private JobStatus withGpus(JobStatus status, int slot) {
    return slot < 0 ? status : status.withExtra(GpuSlots.STATUS_FIELD, gpus.devices(slot));
  }

  private JobStatus runWithRetries(JobRunner runner, int index, JobSpec spec, int slot) {
    // Attempts continue the count of earlier launches (resume), as the caller recorded them.
    int attempt = options.previous().status(spec.num()).attempt();
    for (int retry = 0; ; retry++) {
      if (attempt > 0) {
        try {
          JobLogs.keepPrevious(spec.jobDir(), attempt);
        } catch (IOException e) {
          log.event(
              "job " + spec.num() + ": cannot keep the logs of attempt " + attempt + ": " + e);
        }
      }
      attempt++;
      JobState before = retry == 0 ? JobState.PENDING : results[index].state();
      boolean[] ran = {false};
      JobRunner.Attempt outcome =
          runner.run(
              spec,
              attempt,
              started -> {
                JobStatus s = withGpus(started, slot);
                ran[0] = true;
                running.incrementAndGet();
                record(spec, s, false);
                projection.running(spec.jobDir(), s);
                announce(s, before);
              });
      JobStatus status = ran[0] ? withGpus(settle(spec, outcome), slot) : settle(spec, outcome);
      // The end is on disk before the job counts as done: a kill -9 or a power cut from
      // here on cannot make a resume run it again.
      record(spec, status, true);
      projection.ended(spec.jobDir(), status);
      if (ran[0]) {
        running.decrementAndGet();
      }
      results[index] = status;
      announce(status, ran[0] ? JobState.RUNNING : before);
      boolean retryable =
          ran[0] && (status.state() == JobState.FAILED || status.state() == JobState.TIMEOUT);
      if (!retryable
          || retry >= options.retries()
          || options.stop().isRequested()
          || ioFailure != null) {
        return status;
      }
      String retrying =
          "job "
              + spec.num()
              + ": "
              + status.state()
              + ", retrying (attempt "
              + (attempt + 1)
              + " of "
              + (attempt - retry + options.retries())
              + ")";
      log.event(retrying);
      options.progress().message(retrying);
    }
  }

  /**
   * Waits until the attempt's logs are closed — so that a reader who sees its end finds complete
   * logs — or, when a background process of the job keeps its output open, a short while; returns
   * its final status, with a log write error if there was one.
   */
  private JobStatus settle(JobSpec spec, JobRunner.Attempt outcome) {
    try {
      outcome.logsClosed().get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      log.event(
          "job "
              + spec.num()
              + ": output still open "
              + DRAIN_MILLIS
              + " ms after exit (a background process of the job?); not waiting for it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // the output threads record their own failures in writeError
    }
    JobStatus status = outcome.status();
    String writeError = outcome.output() == null ? null : outcome.output().writeError();
    if (writeError != null && status.error() == null) {
      status = status.withExtra(JobStatus.ERROR, writeError);
    }
    return status;
  }

  /** Appends to the journal; a failure stops the sweep (no more starts). */
  private void record(JobSpec spec, JobStatus status, boolean durably) {
    try {
      if (durably) {
        journal.appendDurably(status, spec.jobDir());
      } else {
        journal.append(status, spec.jobDir());
      }
    } catch (IOException e) {
      ioFailed(
          "cannot record job "
              + spec.num()
              + " "
              + status.state()
              + " in "
              + SweepJournal.NAME
              + ": "
              + e);
    }
  }

  private void ioFailed(String why) {
    synchronized (this) {
      if (ioFailure != null) {
        return;
      }
      ioFailure = why;
    }
    log.event("I/O failure, starting no more jobs: " + why);
    options
        .progress()
        .message("Cannot write the sweep's files (" + why + "); starting no more jobs");
  }

  private void announce(JobStatus status, JobState from) {
    StateCounts counts = tally.move(from, status.state());
    options.progress().update(status, counts);
    log.event(describe(status));
  }

  /** The job's final status is known: count a failure against the policy. */
  private void finish(int index, JobStatus status) {
    if (results[index] == null) {
      tally.move(JobState.PENDING, status.state());
      log.event(describe(status));
      results[index] = status;
    }
    if (status.state().isTerminal()
        && !status.state().isSuccess()
        && status.state() != JobState.INTERRUPTED
        && options.failurePolicy().stopsAt(failures.incrementAndGet())
        && !policyStopped) {
      policyStopped = true;
      log.event("failure policy: " + failures.get() + " job(s) failed, starting no more jobs");
      options
          .progress()
          .message(
              "Stopping after "
                  + failures.get()
                  + " failed job(s); "
                  + "the jobs not started are left for resume");
    }
  }

  private void stopRequested(int requests) {
    if (requests == 1) {
      String what =
          "Interrupted: starting no more jobs, stopping "
              + running.get()
              + " running (SIGTERM, SIGKILL after "
              + options.killGrace().toSeconds()
              + " s). Interrupt again to kill them now.";
      log.event("stop requested: " + what);
      options.progress().message(what);
    } else if (requests == 2) {
      log.event("second stop request: killing running jobs now");
      options.progress().message("Killing running jobs now.");
    }
  }

  private List<JobStatus> allStatuses() {
    Map<Integer, JobStatus> byNum = new HashMap<>(options.previous().statuses());
    for (int i = 0; i < results.length; i++) {
      if (results[i] != null) {
        byNum.put(results[i].num(), results[i]);
      } else {
        int num = jobs.num(i);
        byNum.putIfAbsent(num, JobStatus.pending(num));
      }
    }
    return new ArrayList<>(byNum.values());
  }

  private Path jobDir(int num) {
    if (dirsByNum == null) {
      dirsByNum = new HashMap<>();
      for (int i = 0; i < results.length; i++) {
        if (jobDirs[i] != null) {
          dirsByNum.put(results[i].num(), jobDirs[i]);
        }
      }
    }
    Path dir = dirsByNum.get(num);
    return dir != null ? dir : options.previous().jobDir(num);
  }

  static String describe(JobStatus s) {
    StringBuilder line =
        new StringBuilder("job ")
            .append(s.num())
            .append(' ')
            .append(s.state())
            .append(" attempt ")
            .append(s.attempt());
    if (s.pid() != null && s.state() == JobState.RUNNING) {
      line.append(" pid ").append(s.pid());
    }
    if (s.exitCode() != null) {
      line.append(" exit ").append(s.exitCode());
    }
    if (s.duration() != null) {
      line.append(" ").append(s.duration().toMillis()).append(" ms");
    }
    if (s.error() != null) {
      line.append(" error: ").append(s.error());
    }
    return line.toString();
  }
}
