package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Packing ({@code hydra.launcher.jobs_per_task}) on the real cluster (scripts/slurm-local.sh up):
 * the array has one task per K jobs, as sacct shows, and every job keeps its own state, logs and
 * CPU slice. The time-limit sweep needs minutes of wall time, so it is submitted first and checked
 * last.
 */
@TestMethodOrder(OrderAnnotation.class)
class SlurmPackingIT extends SlurmCliTest {

  private static final Duration PATIENCE = Duration.ofMinutes(4);

  private static Path timeoutSweep;

  /** sacct's allocations (no steps) of an array: task id to state. */
  private static SortedMap<String, String> sacctTasks(long arrayId) throws Exception {
    TreeMap<String, String> tasks = new TreeMap<>();
    for (String line :
        command("sacct", "-n", "-P", "-X", "-j", String.valueOf(arrayId), "-o", "JobID,State")
            .split("\n")) {
      String[] f = line.split("\\|");
      if (f.length == 2) {
        tasks.put(f[0], f[1].split(" ")[0]);
      }
    }
    return tasks;
  }

  @Test
  @Order(1)
  void timeLimitSweepIsSubmittedFirst() throws Exception {
    // One task of three jobs: 0 completes, 1 fails, 2 outlives the 1-minute limit on its first
    // run only. The task is requeued once (max_num_timeout: 1) and runs again job 2 alone.
    Path conf =
        project(
            "timeout",
            """
        x: 0
        hydra:
          launcher:
            timeout_min: 1
            max_num_timeout: 1
            jobs_per_task: 3
            cpus_per_task: 2
            cpus_per_job: 1
          job:
            command: [bash, -c, 'r=$((SLURM_RESTART_COUNT+0)); echo "job $1 run $r"; case $1 in 1) exit 1;; 2) [ $r -gt 0 ] || sleep 300;; esac', task, '${x}']
        """);
    timeoutSweep = submitted(conf, "x=0,1,2");
  }

  @Test
  @Order(2)
  void fortyJobsRunAsFourTasksEachJobOnItsOwn() throws Exception {
    Path conf =
        project(
            "forty",
            """
        x: 0
        hydra:
          launcher:
            jobs_per_task: 10
            cpus_per_task: 2
            cpus_per_job: 1
            timeout_min: 5
          job:
            command: [bash, -c, 'echo "job $1 on $(grep Cpus_allowed_list /proc/self/status | cut -f2)"; echo "err $1" >&2; test ! -e "$2/fail-$1"', task, '${x}', 'MARKERS']
        """
                .replace("MARKERS", root.toString()));
    Files.createFile(root.resolve("fail-13"));
    CliRun run = sweep(conf, "x=range(0,40)", "--wait");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("job 13 FAILED (exit 1"), run.err());
    Path sweep = sweepDir(conf);

    List<SubmissionLog.Array> arrays = SubmissionLog.read(sweep).arrays();
    assertEquals(1, arrays.size(), arrays.toString());
    assertEquals(10, arrays.get(0).jobsPerTask());
    long id = arrays.get(0).arrayJobId();
    SortedMap<String, String> tasks =
        await(
            "sacct to record the four tasks as ended",
            PATIENCE,
            () -> {
              try {
                return sacctTasks(id);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            },
            t -> t.size() == 4 && !t.containsValue("RUNNING") && !t.containsValue("PENDING"));
    System.out.println("sacct: " + tasks);
    assertEquals(
        List.of(id + "_0", id + "_1", id + "_2", id + "_3"), new ArrayList<>(tasks.keySet()));
    // Task 1 holds job 13, the one that failed; its nine task-mates are unaffected.
    assertEquals("FAILED", tasks.get(id + "_1"));
    assertEquals("COMPLETED", tasks.get(id + "_0"));

    for (JobStatus s : statuses(sweep, 40)) {
      int num = s.num();
      Path dir = sweep.resolve(String.valueOf(num));
      assertEquals(num == 13 ? JobState.FAILED : JobState.COMPLETED, s.state(), s.toString());
      assertEquals(num == 13 ? 1 : 0, s.exitCode());
      assertEquals(String.valueOf(num / 10), s.extra().get("slurm_array_task_id"));
      assertEquals(String.valueOf(id), s.extra().get("slurm_array_job_id"));
      assertEquals(
          "job " + num + " on " + s.extra().get("cpus") + "\n", read(dir.resolve("stdout.log")));
      assertEquals("err " + num + "\n", read(dir.resolve("stderr.log")));
      assertTrue(Files.exists(dir.resolve("slurm-" + id + "_" + num / 10 + ".out")));
    }

    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    40 (39 COMPLETED, 1 FAILED)"), status.out());
    assertTrue(status.out().contains("40 jobs in 4 tasks of up to 10"), status.out());

    // rerun --failed packs the failed job into a new array of its own.
    Files.delete(root.resolve("fail-13"));
    CliRun rerun = CliRun.of("rerun", "--failed", "--wait", sweep.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    JobStatus again = status(sweep, 13);
    assertEquals(JobState.COMPLETED, again.state(), again.toString());
    assertEquals(2, again.attempt());
    assertEquals(List.of(13), SubmissionLog.read(sweep).arrays().get(1).jobs());
    assertEquals(1, SubmissionLog.read(sweep).arrays().get(1).tasks());
  }

  @Test
  @Order(3)
  void killCancelsTheRunningAndWaitingJobsOfATaskAndKeepsItsFinishedOnes() throws Exception {
    // One CPU per task: its jobs run one after another; the second sleeps, the third waits.
    Path conf =
        project(
            "kill",
            """
        x: 0
        hydra:
          launcher:
            jobs_per_task: 3
            cpus_per_task: 1
          job:
            command: [bash, -c, 'test $(($1 % 3)) = 0 || sleep 120', task, '${x}']
        """);
    Path sweep = submitted(conf, "x=range(0,6)");
    await(
        "jobs 0 and 3 done, 1 and 4 running",
        PATIENCE,
        () -> {
          try {
            return List.of(status(sweep, 0), status(sweep, 1), status(sweep, 3), status(sweep, 4));
          } catch (RuntimeException notYet) {
            return List.<JobStatus>of();
          }
        },
        all ->
            all.size() == 4
                && all.get(0).state() == JobState.COMPLETED
                && all.get(1).state() == JobState.RUNNING
                && all.get(2).state() == JobState.COMPLETED
                && all.get(3).state() == JobState.RUNNING);
    CliRun kill = CliRun.of("kill", "-y", sweep.toString());
    assertEquals(0, kill.exitCode(), kill.err());
    // Jobs 2 and 5 wait in their running tasks for the slot: pending, not running.
    assertTrue(kill.out().contains("(2 running, 2 pending)"), kill.out());
    assertTrue(kill.out().contains("2 finished job(s) untouched"), kill.out());
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    6 (2 COMPLETED, 4 CANCELLED)"), status.out());
    for (int num : new int[] {1, 4}) {
      JobStatus s = status(sweep, num);
      assertEquals(JobState.CANCELLED, s.state(), s.toString());
      assertEquals(143, s.exitCode(), s.toString());
    }
  }

  @Test
  @Order(3)
  void dryRunShowsTheTasksAndTheSlices() throws Exception {
    Path conf =
        project(
            "preview",
            """
        x: 0
        hydra:
          launcher:
            jobs_per_task: 10
            cpus_per_task: 4
            cpus_per_job: 2
          job:
            command: [echo, '${x}']
        """);
    CliRun run = sweep(conf, "x=range(0,40)", "--dry-run");
    assertEquals(0, run.exitCode(), run.err());
    String out = run.out();
    assertTrue(
        out.contains("# ===== " + sweepDir(conf) + "/slurm/array-001.sh (40 jobs in 4 tasks)"),
        out);
    assertTrue(out.contains("#SBATCH --array=0-3%256\n"), out);
    assertTrue(out.contains("#SBATCH --cpus-per-task=4\n"), out);
    assertTrue(out.contains("# 10 jobs per task, 2 at once; each job 2 CPUs (taskset);\n"), out);
    assertTrue(out.contains("#   slot 0: CPUs #0-1\n#   slot 1: CPUs #2-3\n"), out);
    assertFalse(Files.exists(sweepDir(conf)), "nothing may be written");
  }

  @Test
  @Order(4)
  void aTimedOutTaskIsRequeuedAndRunsAgainOnlyItsUnfinishedJob() throws Exception {
    Path sweep = timeoutSweep;
    JobStatus last =
        await(
            "job 2 to run again after the requeue",
            PATIENCE,
            () -> status(sweep, 2),
            s -> s.state().isTerminal() && s.attempt() == 2);
    assertEquals(JobState.COMPLETED, last.state(), last.toString());
    assertEquals("job 2 run 1\n", read(sweep.resolve("2/stdout.log")));
    assertEquals("job 2 run 0\n", read(sweep.resolve("2/stdout.attempt1.log")));
    // Its task-mates finished before the time limit: not run again, states kept.
    JobStatus done = status(sweep, 0);
    assertEquals(JobState.COMPLETED, done.state(), done.toString());
    assertEquals(1, done.attempt());
    assertEquals("job 0 run 0\n", read(sweep.resolve("0/stdout.log")));
    assertFalse(Files.exists(sweep.resolve("0/stdout.attempt1.log")));
    JobStatus failed = status(sweep, 1);
    assertEquals(JobState.FAILED, failed.state(), failed.toString());
    assertEquals(1, failed.attempt());
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    3 (2 COMPLETED, 1 FAILED)"), status.out());
  }
}
