package dev.hydra4j.launch.slurm;

import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.LauncherLog;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.PruneRequest;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs an adaptive sweeper's jobs on SLURM, at most {@code slots} in flight: each job is submitted
 * on its own (a one-task array, recorded in {@code slurm.json} like any array) when a slot frees
 * up, and followed to its end before that slot asks its {@link JobSource} for the next, so the next
 * trial is chosen knowing every result so far. One poll (one squeue, one sacct) follows every job
 * in flight.
 *
 * <p>Jobs of the source that SLURM still holds from an earlier launch (its launcher was killed) are
 * followed first, each in a slot, and never submitted again. A stop request (Ctrl-C) ends the
 * following and the submitting, not the jobs: they keep running in SLURM, and {@code resume}
 * follows them. A job CANCELLED in SLURM ({@code hydra4j kill}, {@code scancel}) stops the launch
 * the same way, so that a kill is not answered by new submissions; a job the pruner stopped is
 * cancelled by this launcher and recorded PRUNED instead.
 */
final class SlotLauncher implements Launcher {

  private static final Duration FIRST_INTERVAL = Duration.ofSeconds(1);

  /** A trial's end should not wait long to be seen: the next trial waits for it. */
  private static final Duration MAX_INTERVAL = Duration.ofSeconds(5);

  private final SlurmClient client;
  private final int slots;

  SlotLauncher(SlurmClient client, int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be positive: " + slots);
    }
    this.client = client;
    this.slots = slots;
  }

  @Override
  public SweepResult launch(JobSource jobs, LaunchOptions options) throws IOException {
    Instant started = Instant.now();
    Path sweepDir = options.sweepDir().toAbsolutePath();
    Files.createDirectories(sweepDir);
    try (LauncherLog log = LauncherLog.open(sweepDir);
        FileChannel lockFile =
            FileChannel.open(
                sweepDir.resolve(SlurmLauncher.LOCK),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      log.event("launch on SLURM: " + jobs.size() + " jobs, " + slots + " at a time as slots free");
      return new Run(jobs, options, sweepDir, log).run(started);
    }
  }

  /** One launch: the slots' threads submit, this thread follows. */
  private final class Run {
    private final JobSource jobs;
    private final LaunchOptions options;
    private final Path sweepDir;
    private final LauncherLog log;
    private final Deque<Integer> todo = new ArrayDeque<>();
    private final Map<Integer, Path> held = new TreeMap<>();
    private final Map<Integer, Path> inFlight = new TreeMap<>();
    private final Map<Integer, JobStatus> all = new TreeMap<>();
    private final Object submitting = new Object();
    private final Set<Integer> pruning = new HashSet<>();
    private boolean stopping;
    private Exception failure;

    Run(JobSource jobs, LaunchOptions options, Path sweepDir, LauncherLog log) {
      this.jobs = jobs;
      this.options = options;
      this.sweepDir = sweepDir;
      this.log = log;
    }

    SweepResult run(Instant started) throws IOException {
      all.putAll(options.previous().statuses());
      Set<Integer> stillHeld =
          Submission.heldBySlurm(client, SubmissionLog.read(sweepDir), jobs, options.previous());
      List<Integer> fresh = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        int num = jobs.num(i);
        Path dir = options.previous().jobDir(num);
        all.put(num, JobStatus.pending(num));
        if (stillHeld.contains(num) && dir != null) {
          held.put(num, dir);
          todo.add(i);
        } else {
          fresh.add(i);
        }
      }
      // Jobs SLURM still runs take their slots first: they are in flight already.
      todo.addAll(fresh);
      if (!held.isEmpty()) {
        String which = SweepFollower.describeNums(held.keySet());
        options
            .progress()
            .message(
                "hydra4j: job(s) "
                    + which
                    + " are still pending or running in SLURM; following them");
        log.event("following, still held by SLURM: " + which);
      }
      options.progress().start(SweepFollower.counts(all));
      List<Thread> workers = new ArrayList<>();
      for (int s = 0; s < Math.min(slots, jobs.size()); s++) {
        Thread t = new Thread(this::slot, "hydra4j-slot-" + s);
        t.setDaemon(true);
        t.start();
        workers.add(t);
      }
      boolean interrupted = follow(workers);
      for (Thread t : workers) {
        PreparedTasks.joinUninterruptibly(t);
      }
      SweepResult result =
          SweepFollower.finish(
              options,
              log,
              all,
              interrupted,
              started,
              num -> held.getOrDefault(num, options.previous().jobDir(num)));
      if (failure instanceof IOException e) {
        throw e;
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      return result;
    }

    /** A slot: takes the next job, submits it (unless SLURM holds it), waits for its end. */
    private void slot() {
      try {
        while (true) {
          int index;
          synchronized (this) {
            if (stopping || todo.isEmpty()) {
              return;
            }
            index = todo.poll();
          }
          int num = jobs.num(index);
          Path dir = held.get(num);
          if (dir == null) {
            dir = submit(index);
            if (dir == null) {
              continue;
            }
          }
          synchronized (this) {
            inFlight.put(num, dir);
            while (inFlight.containsKey(num) && !stopping) {
              wait();
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        synchronized (this) {
          if (failure == null) {
            failure = e;
          }
          stopping = true;
          notifyAll();
        }
      }
    }

    /**
     * Submits job {@code index} alone; returns its directory, or null when it was not submitted (it
     * failed before submission, or a stop came first).
     */
    private Path submit(int index) throws IOException {
      JobSource one =
          new JobSource() {
            @Override
            public int size() {
              return 1;
            }

            @Override
            public JobSpec get(int i) {
              return jobs.get(index);
            }

            @Override
            public int num(int i) {
              return jobs.num(index);
            }
          };
      Submission.Result submitted;
      // One submission at a time: each reads and extends slurm.json.
      synchronized (submitting) {
        submitted = new Submission(client, one, options, log).run();
      }
      synchronized (this) {
        for (JobStatus failed : submitted.failed()) {
          all.put(failed.num(), failed);
          options.progress().update(failed, SweepFollower.counts(all));
        }
        if (submitted.interrupted()) {
          stopping = true;
          notifyAll();
        }
      }
      return submitted.jobs().values().stream().map(JobSpec::jobDir).findFirst().orElse(null);
    }

    /**
     * Cancels a job the pruner asked to stop (its {@code prune.request}, written by the sweeper):
     * SLURM sends its task SIGTERM, and SIGKILL after the cluster's KillWait.
     */
    private void cancelIfPruned(int num, Path dir) {
      if (pruning.contains(num) || !PruneRequest.isRequested(dir)) {
        return;
      }
      SubmissionLog.Placement p = SubmissionLog.read(sweepDir).placement(num);
      if (p == null || !p.array().submittedOk()) {
        return;
      }
      pruning.add(num);
      log.event("job " + num + " pruned: cancelling SLURM job " + p.array().arrayJobId());
      client.cancel(List.of(p.array().arrayJobId()));
    }

    /** A pruned job's end, whatever SLURM calls it (CANCELLED), is recorded as PRUNED. */
    private JobStatus pruned(int num, Path dir, JobStatus s) {
      if (!pruning.contains(num) || !s.state().isTerminal() || s.state() == JobState.PRUNED) {
        return s;
      }
      JobStatus pruned =
          s.ended(JobState.PRUNED, s.exitCode(), s.end() == null ? Instant.now() : s.end());
      try {
        StatusFile.write(dir, pruned);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return pruned;
    }

    /** Polls the jobs in flight until every slot is done; returns whether a stop cut it short. */
    private boolean follow(List<Thread> workers) {
      long interval = FIRST_INTERVAL.toMillis();
      while (true) {
        Map<Integer, Path> watched;
        synchronized (this) {
          watched = new TreeMap<>(inFlight);
        }
        boolean changed = false;
        if (!watched.isEmpty()) {
          watched.forEach(this::cancelIfPruned);
          SlurmSweepStatus now = SlurmSweepStatus.read(sweepDir, watched, client);
          now.recordFinalStates();
          synchronized (this) {
            for (int num : watched.keySet()) {
              if (pruning.contains(num)
                  && !StatusFile.read(watched.get(num), num).state().isTerminal()) {
                // Its task is still stopping: its own record of the end comes first.
                continue;
              }
              JobStatus s = pruned(num, watched.get(num), now.status(num));
              if (s.state() != all.get(num).state()) {
                all.put(num, s);
                changed = true;
                options.progress().update(s, SweepFollower.counts(all));
                log.event("job " + num + " " + s.state() + " (" + now.slurmId(num) + ")");
              }
              if (s.state().isTerminal() || now.unknownToSlurm().contains(num)) {
                inFlight.remove(num);
                if (s.state() == JobState.CANCELLED && !stopping) {
                  stopping = true;
                  options
                      .progress()
                      .message(
                          "hydra4j: job "
                              + num
                              + " was cancelled in SLURM; submitting no more jobs");
                  log.event("job " + num + " cancelled in SLURM: no more submissions");
                }
                notifyAll();
              }
            }
          }
        }
        if (options.stop().isRequested()) {
          synchronized (this) {
            stopping = true;
            notifyAll();
          }
          options
              .progress()
              .message(
                  "hydra4j: stopped; the jobs in flight keep running in SLURM: hydra4j resume "
                      + sweepDir
                      + " follows them, hydra4j kill "
                      + sweepDir
                      + " cancels them");
          log.event("stopped on request; jobs in flight left to SLURM");
          return true;
        }
        if (workers.stream().noneMatch(Thread::isAlive)) {
          return false;
        }
        interval =
            changed
                ? FIRST_INTERVAL.toMillis()
                : Math.min(MAX_INTERVAL.toMillis(), interval * 3 / 2);
        Pauses.pause(options.stop(), interval);
      }
    }
  }
}
