package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LauncherLog;
import dev.hydra4j.run.Host;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.SweepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs of a launch with their files written ({@link JobSource#get}) and their settings checked,
 * in index order. Writing a job's files ends in a few disk flushes; done by several threads at
 * once, the flushes share disk commits, which makes a 1,000-job sweep several times faster to write
 * than one job after another.
 *
 * @param tasks the jobs to submit, in index order
 * @param settings each task's settings, same order
 * @param failed jobs whose files could not be prepared, with why
 */
record PreparedTasks(
    List<ArrayScript.Task> tasks, List<SlurmSettings> settings, List<JobStatus> failed) {

  private static final int MAX_THREADS = 64;
  private static final int JOBS_PER_THREAD = 8;

  /**
   * @param skip job numbers to leave out
   * @throws ConfigException for the first job (by index) whose settings are invalid
   */
  static PreparedTasks prepare(
      JobSource jobs, Set<Integer> skip, SweepState previous, LauncherLog log) {
    int n = jobs.size();
    Object[] outcomes = new Object[n];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            int num = jobs.num(i);
            if (skip.contains(num)) {
              continue;
            }
            try {
              JobSpec spec = jobs.get(i);
              try {
                outcomes[i] = new Object[] {spec, SlurmLauncher.check(spec)};
              } catch (ConfigException invalid) {
                outcomes[i] = invalid;
              }
            } catch (RuntimeException e) {
              String why = e instanceof ConfigException c ? c.render() : e.toString();
              outcomes[i] =
                  new JobStatus(
                      num,
                      JobState.FAILED,
                      null,
                      Instant.now(),
                      Instant.now(),
                      null,
                      Host.name(),
                      null,
                      0,
                      Map.of(JobStatus.ERROR, why));
              log.event("job " + num + " FAILED before submission: " + why);
            }
          }
        };
    int threads = Math.min(MAX_THREADS, Math.max(1, n / JOBS_PER_THREAD));
    List<Thread> started = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread thread = new Thread(worker, "hydra4j-prepare-" + t);
      thread.setDaemon(true);
      thread.start();
      started.add(thread);
    }
    worker.run();
    for (Thread thread : started) {
      joinUninterruptibly(thread);
    }
    List<ArrayScript.Task> tasks = new ArrayList<>();
    List<SlurmSettings> settings = new ArrayList<>();
    List<JobStatus> failed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object o = outcomes[i];
      if (o instanceof ConfigException invalid) {
        throw invalid;
      } else if (o instanceof JobStatus status) {
        failed.add(status);
      } else if (o instanceof Object[] pair) {
        JobSpec spec = (JobSpec) pair[0];
        tasks.add(new ArrayScript.Task(spec, previous.status(spec.num()).attempt()));
        settings.add((SlurmSettings) pair[1]);
      }
    }
    return new PreparedTasks(tasks, settings, failed);
  }

  static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
