package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What hydra4j says about a SLURM sweep when SLURM or a person acts on its jobs from outside:
 * scancel of a pending task, a node failure with requeue, the time-limit warning, several tasks per
 * job, cancelled running tasks. The warning sweep needs minutes of wall time, so it is submitted
 * first and checked after the quick tests; the node failure comes last. Each state must be the one
 * sacct gives, and {@code --wait} must end. Against the real cluster (scripts/slurm-local.sh up).
 */
@TestMethodOrder(OrderAnnotation.class)
class SlurmTruthIT extends SlurmCliTest {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private static Path warningSweep;

  /** Lets a requeued task start now rather than after SLURM's two-minute hold. */
  private static void startNow(long arrayId, int tasks) {
    // slurmd revokes a killed job's credential by the second: a requeued task started again
    // within the second of its kill is refused ("Job credential revoked") and fails. SLURM
    // itself holds a requeued job for minutes; the test waits just past that second.
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int task = 0; task < tasks; task++) {
      quietly("scontrol", "update", "JobId=" + arrayId + "_" + task, "StartTime=now");
    }
  }

  /**
   * The command lines of the slurmstepd processes of these job ids on this machine. slurmstepd
   * renames itself "slurmstepd: [ID.STEP]", which ProcessHandle does not show: /proc does.
   */
  private static List<String> stepdsOf(List<String> jobIds) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().matches("[0-9]+"))
          .map(SlurmTruthIT::commandLine)
          .filter(c -> jobIds.stream().anyMatch(id -> c.contains("slurmstepd: [" + id + ".")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String commandLine(Path proc) {
    try {
      return Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
    } catch (IOException | UncheckedIOException e) {
      return ""; // the process ended meanwhile
    }
  }

  /** sacct's allocation state and batch-step exit code of each task of an array. */
  private static Map<String, String> sacct(long arrayId) throws Exception {
    Map<String, String> byTask = new HashMap<>();
    for (String line :
        command("sacct", "-n", "-P", "-j", String.valueOf(arrayId), "-o", "JobID,State,ExitCode")
            .split("\n")) {
      String[] f = line.split("\\|");
      if (f.length == 3) {
        byTask.merge(
            f[0].replace(".batch", ""),
            f[0].endsWith(".batch") ? "exit " + f[2] : f[1].split(" ")[0],
            (a, b) -> a.startsWith("exit") ? b + " " + a : a + " " + b);
      }
    }
    return byTask;
  }

  @Test
  @Order(1)
  void timeLimitWarningSweepIsSubmittedFirst() throws Exception {
    // Both checkpoint on the warning and exit 0. Job 0 may be requeued once and then finishes;
    // job 1 may not be requeued, so it waits for the limit and ends as TIMEOUT, as in sacct.
    Path conf =
        project(
            "warning",
            """
        m: 0
        hydra:
          launcher:
            timeout_min: 1
            signal_delay_s: 45
            max_num_timeout: ${m}
          job:
            command: [bash, -c, 'r=$SLURM_RESTART_COUNT; if [ "$((r+0))" -gt 0 ]; then echo resumed; exit 0; fi; trap "echo checkpoint; exit 0" USR2; echo started; sleep 300 & wait', task]
        """);
    CliRun run = sweep(conf, "m=1,0");
    assertEquals(0, run.exitCode(), run.err());
    warningSweep = sweepDir(conf);
  }

  @Test
  @Order(2)
  void aPendingTaskCancelledByHandIsCancelledAndWaitEnds() throws Exception {
    Path conf =
        project(
            "scancel-pending",
            """
        x: 0
        hydra:
          launcher:
            array_parallelism: 1
          job:
            command: [sleep, '3']
        """);
    CompletableFuture<CliRun> run = sweepAsync(conf, "x=range(0,3)", "--wait");
    Path sweep = sweepDir(conf);
    long id = firstArrayId(sweep);
    // Task 2 waits behind the %1 limit; cancelling it alone leaves no trace in squeue or sacct.
    command("scancel", id + "_2");
    CliRun done = finished(run, PATIENCE);
    assertEquals(1, done.exitCode(), done.err());
    assertEquals(JobState.COMPLETED, status(sweep, 0).state());
    assertEquals(JobState.COMPLETED, status(sweep, 1).state());
    JobStatus cancelled = status(sweep, 2);
    assertEquals(JobState.CANCELLED, cancelled.state(), cancelled.toString());
    assertEquals("not known to SLURM", cancelled.extra().get("slurm_state"));
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    3 (2 COMPLETED, 1 CANCELLED)"), status.out());
  }

  /** Last: the node goes down, which would also stop the jobs of the other tests. */
  @Test
  @Order(101)
  void aNodeFailureWithRequeueIsFollowedToTheEnd() throws Exception {
    Path conf =
        project(
            "node-failure",
            """
        x: 0
        hydra:
          launcher:
            max_num_timeout: 1
          job:
            command: [bash, -c, 'r=$SLURM_RESTART_COUNT; echo "run $((r+0))"; [ "$((r+0))" -gt 0 ] || sleep 120', task]
        """);
    CompletableFuture<CliRun> run = sweepAsync(conf, "x=0,1", "--wait");
    Path sweep = sweepDir(conf);
    long id = firstArrayId(sweep);
    await(
        "both jobs to run",
        PATIENCE,
        () -> statuses(sweep, 2),
        all -> all.stream().allMatch(s -> s.state() == JobState.RUNNING));
    String node = command("sinfo", "-h", "-o", "%n").strip().split("\n")[0];
    List<String> rawIds =
        statuses(sweep, 2).stream().map(s -> s.extra().get("slurm_job_id")).toList();
    try {
      command("scontrol", "update", "NodeName=" + node, "State=DOWN", "Reason=hydra4j-test");
      // SLURM requeues both (--requeue): they must show as waiting, not as ended.
      String requeued =
          await(
              "SLURM to requeue both",
              PATIENCE,
              () -> CliRun.of("status", sweep.toString()).out(),
              out -> out.contains("jobs    2 (2 PENDING)"));
      assertTrue(requeued.contains("2 job(s) (0-1) were put back in the queue by SLURM"), requeued);
      assertTrue(!run.isDone(), "--wait ended while SLURM had requeued the jobs: " + requeued);
      // The first runs' slurmstepd must be gone before the tasks start again under the same
      // job ids, or slurmd refuses them as duplicates and drains the node.
      await("the first runs to end on the node", PATIENCE, () -> stepdsOf(rawIds), List::isEmpty);
    } finally {
      quietly("scontrol", "update", "NodeName=" + node, "State=RESUME");
    }
    await(
        "the node to be back",
        PATIENCE,
        () -> {
          try {
            return command("sinfo", "-h", "-n", node, "-o", "%T").strip();
          } catch (Exception e) {
            return e.toString();
          }
        },
        s -> s.equals("idle") || s.equals("mixed") || s.equals("allocated"));
    startNow(id, 2);
    CliRun done = finished(run, PATIENCE);
    assertEquals(0, done.exitCode(), done.err());
    for (JobStatus s : statuses(sweep, 2)) {
      assertEquals(JobState.COMPLETED, s.state(), s.toString());
      assertEquals(2, s.attempt(), s.toString());
    }
    assertEquals("run 1\n", read(sweep.resolve("0/stdout.log")));
    assertEquals("run 0\n", read(sweep.resolve("0/stdout.attempt1.log")));
  }

  @Test
  @Order(4)
  void twoTasksPerNodeRunTwoProcesses() throws Exception {
    Path conf =
        project(
            "two-tasks",
            """
        x: 0
        hydra:
          launcher:
            tasks_per_node: 2
          job:
            command: [bash, -c, 'echo "rank $SLURM_PROCID of $SLURM_NTASKS"']
        """);
    CliRun run = sweep(conf, "x=0", "--wait");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = read(sweepDir(conf).resolve("0/stdout.log")).lines().sorted().toList();
    assertEquals(List.of("rank 0 of 2", "rank 1 of 2"), lines);
  }

  @Test
  @Order(5)
  void cancelledRunningTasksRecordSlurmsOutcome() throws Exception {
    Path conf =
        project(
            "cancel-running",
            """
        x: 0
        hydra:
          launcher:
            array_parallelism: 4
          job:
            command: [bash, -c, 'echo started; sleep 120']
        """);
    assertEquals(0, sweep(conf, "x=range(0,4)").exitCode());
    Path sweep = sweepDir(conf);
    long id = SubmissionLog.read(sweep).arrayJobIds().iterator().next();
    await(
        "all four to run",
        PATIENCE,
        () -> statuses(sweep, 4),
        all -> all.stream().allMatch(s -> s.state() == JobState.RUNNING));
    CliRun kill = CliRun.of("kill", sweep.toString());
    assertEquals(0, kill.exitCode(), kill.err());
    Map<String, String> slurm =
        await(
            "sacct to record all four",
            PATIENCE,
            () -> {
              try {
                return sacct(id);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            },
            m -> m.values().stream().filter(v -> v.contains("exit")).count() == 4);
    System.out.println("sacct: " + slurm + "\nfiles: " + statuses(sweep, 4));
    for (JobStatus s : statuses(sweep, 4)) {
      String task = id + "_" + s.extra().get("slurm_array_task_id");
      // Every run the same: the state sacct gives, and the exit of a task ended by SIGTERM.
      assertTrue(slurm.get(task).startsWith("CANCELLED exit "), slurm.toString());
      assertEquals(JobState.CANCELLED, s.state(), s.toString());
      assertEquals(128 + 15, s.exitCode(), s.toString());
      assertEquals(null, s.extra().get("task_exit_code"), s.toString());
    }
  }

  @Test
  @Order(100)
  void aTaskStoppingOnTheWarningIsRequeuedOrTimesOutAsInSacct() throws Exception {
    Path sweep = warningSweep;
    assertTrue(sweep != null, "the warning sweep was not submitted");
    List<SubmissionLog.Array> arrays = SubmissionLog.read(sweep).arrays();
    await(
        "both jobs to end",
        Duration.ofMinutes(5),
        () -> {
          arrays.forEach(a -> startNow(a.arrayJobId(), 1));
          return statuses(sweep, 2);
        },
        all ->
            all.get(0).state().isTerminal()
                && all.get(0).attempt() == 2
                && all.get(1).state().isTerminal());
    JobStatus requeued = status(sweep, 0);
    assertEquals(JobState.COMPLETED, requeued.state(), requeued.toString());
    assertEquals("started\ncheckpoint\n", read(sweep.resolve("0/stdout.attempt1.log")));
    assertEquals("resumed\n", read(sweep.resolve("0/stdout.log")));
    JobStatus timedOut = status(sweep, 1);
    assertEquals(JobState.TIMEOUT, timedOut.state(), timedOut.toString());
    assertEquals("0", timedOut.extra().get("task_exit_code"), timedOut.toString());
    long second = SubmissionLog.read(sweep).placement(1).array().arrayJobId();
    assertTrue(sacct(second).get(second + "_0").startsWith("TIMEOUT"), sacct(second).toString());
  }
}
