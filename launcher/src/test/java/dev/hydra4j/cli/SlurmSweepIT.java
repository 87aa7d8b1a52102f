package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SLURM sweeps end to end through the CLI, against the real cluster (scripts/slurm-local.sh up):
 * in-process {@link Main#run}, and a fresh JVM where a command must work from another shell. The
 * time-limit sweep needs minutes of wall time, so it is submitted first and checked last, while the
 * other tests run.
 */
@TestMethodOrder(OrderAnnotation.class)
class SlurmSweepIT extends SlurmCliTest {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private static Path timeoutSweep;

  /** Runs {@code hydra4j ARGS} in a new JVM, in this JVM's working directory. */
  static CliRun childJvm(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder b = childJvmProcess(args);
    b.environment().putAll(env);
    Path out = Files.createTempFile(root, "child", ".out");
    Path err = Files.createTempFile(root, "child", ".err");
    Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("hydra4j " + List.of(args) + " did not end");
    }
    CliRun run = new CliRun(p.exitValue(), read(out), read(err));
    System.out.println(
        "child hydra4j " + List.of(args) + " -> " + run.exitCode() + "\n" + run.out() + run.err());
    return run;
  }

  @Test
  @Order(1)
  void timeLimitSweepIsSubmittedFirst() throws IOException {
    // Job 0 always outlives its 1-minute limit; job 1 only on its first run. Both are requeued
    // once (max_num_timeout: 1); job 0 then times out for good, job 1 completes.
    Path conf =
        project(
            "timeout",
            """
        x: 0
        hydra:
          launcher:
            timeout_min: 1
            max_num_timeout: 1
          job:
            command: [bash, -c, 'r=$SLURM_RESTART_COUNT; echo "run $((r+0))"; if [ "$1" = 1 ] && [ "$((r+0))" -gt 0 ]; then exit 0; fi; sleep 300', task, '${x}']
        """);
    CliRun run = sweep(conf, "x=0,1");
    assertEquals(0, run.exitCode(), run.err());
    timeoutSweep = sweepDir(conf);
  }

  @Test
  @Order(2)
  void throttleHoldsAFailingTaskFailsAloneAndRerunFailedRunsItAgain() throws Exception {
    Path conf =
        project(
            "throttle",
            """
        x: 0
        hydra:
          launcher:
            array_parallelism: 2
            timeout_min: 5
          job:
            command: [bash, -c, 'sleep 2; echo "job $2"; test ! -e "$1/fail-$2"', task, 'MARKERS', '${x}']
        """
                .replace("MARKERS", root.toString()));
    Files.createFile(root.resolve("fail-3"));
    CliRun run = sweep(conf, "x=range(0,6)", "--wait");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("job 3 FAILED (exit 1"), run.err());
    Path sweep = sweepDir(conf);
    List<JobStatus> jobs = statuses(sweep, 6);
    for (JobStatus s : jobs) {
      assertEquals(s.num() == 3 ? JobState.FAILED : JobState.COMPLETED, s.state(), s.toString());
    }
    int most = mostAtOnce(jobs);
    System.out.println("most tasks at once with array_parallelism=2: " + most);
    assertTrue(most <= 2, "more than 2 tasks ran at once: " + jobs);
    assertTrue(read(sweep.resolve("summary.json")).contains("\"FAILED\":1"));

    Files.delete(root.resolve("fail-3"));
    CliRun rerun = CliRun.of("rerun", "--failed", sweep.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    JobStatus again =
        await(
            "job 3 to run again",
            PATIENCE,
            () -> status(sweep, 3),
            s -> s.state().isTerminal() && s.attempt() == 2);
    assertEquals(JobState.COMPLETED, again.state(), again.toString());
    assertEquals("job 3\n", read(sweep.resolve("3/stdout.attempt1.log")));
    List<SubmissionLog.Array> arrays = SubmissionLog.read(sweep).arrays();
    assertEquals(
        List.of(List.of(0, 1, 2, 3, 4, 5), List.of(3)),
        arrays.stream().map(SubmissionLog.Array::jobs).toList());
    assertTrue(Files.isRegularFile(sweep.resolve("slurm/array-001.sh")));
    assertTrue(Files.isRegularFile(sweep.resolve("slurm/array-002.sh")));
  }

  @Test
  @Order(3)
  void submitAndExitThenStatusFromAnotherProcess() throws Exception {
    Path conf =
        project(
            "detached",
            """
        x: 0
        hydra:
          job:
            command: [bash, -c, 'echo "hello $1"; echo "oops $1" >&2; exit $(( $1 == 2 ))', task, '${x}']
        """);
    CliRun run = sweep(conf, "x=0,1,2");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("submitted array-001 as SLURM array "), run.err());
    assertTrue(run.err().contains("hydra4j status " + sweepDir(conf)), run.err());
    String sweep = sweepDir(conf).toString();
    CliRun status =
        await(
            "the sweep to end",
            PATIENCE,
            () -> {
              try {
                return childJvm(Map.of(), "status", sweep);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            },
            s -> s.out().contains("jobs    3 (2 COMPLETED, 1 FAILED)"));
    assertEquals(0, status.exitCode());
    assertTrue(status.out().contains("slurm   array-001: array "), status.out());
    assertTrue(status.out().contains("failures\n  job 2 FAILED"), status.out());
    assertTrue(status.out().contains("    | oops 2"), status.out());
  }

  @Test
  @Order(4)
  void killCancelsPendingAndRunningJobsButNotFinishedOnes() throws Exception {
    Path conf =
        project(
            "kill",
            """
        x: 0
        hydra:
          launcher:
            array_parallelism: 2
          job:
            command: [bash, -c, 'test "$1" = 0 || sleep 120', task, '${x}']
        """);
    assertEquals(0, sweep(conf, "x=range(0,5)").exitCode());
    Path sweep = sweepDir(conf);
    await(
        "job 0 done and two running",
        PATIENCE,
        () -> statuses(sweep, 5),
        all ->
            all.get(0).state() == JobState.COMPLETED
                && all.stream().filter(s -> s.state() == JobState.RUNNING).count() == 2);

    CliRun kill = CliRun.of("kill", sweep.toString());
    assertEquals(0, kill.exitCode(), kill.err());
    assertTrue(kill.out().contains("(2 running, 2 pending)"), kill.out());
    assertTrue(kill.out().contains("1 finished job(s) untouched"), kill.out());
    assertEquals(JobState.COMPLETED, status(sweep, 0).state());
    for (int i = 1; i < 5; i++) {
      assertEquals(JobState.CANCELLED, status(sweep, i).state(), status(sweep, i).toString());
    }
    CliRun again = CliRun.of("kill", sweep.toString());
    assertTrue(again.out().contains("nothing to cancel"), again.out());
  }

  @Test
  @Order(5)
  void aSweepLargerThanTheArrayLimitRunsAsChainedArrays() throws Exception {
    Path conf =
        project(
            "split",
            """
        x: 0
        hydra:
          launcher:
            array_parallelism: 2
            max_array_size: 2
          job:
            command: [sleep, '1']
        """);
    CliRun run = sweep(conf, "x=range(0,5)", "--wait");
    assertEquals(0, run.exitCode(), run.err());
    Path sweep = sweepDir(conf);
    List<SubmissionLog.Array> arrays = SubmissionLog.read(sweep).arrays();
    assertEquals(
        List.of(List.of(0, 1), List.of(2, 3), List.of(4)),
        arrays.stream().map(SubmissionLog.Array::jobs).toList());
    assertEquals(null, arrays.get(0).after());
    assertEquals(arrays.get(0).arrayJobId(), arrays.get(1).after());
    assertEquals(arrays.get(1).arrayJobId(), arrays.get(2).after());
    List<JobStatus> jobs = statuses(sweep, 5);
    assertTrue(mostAtOnce(jobs) <= 2, jobs.toString());
    // each array starts once the one before it has ended
    Instant firstDone =
        jobs.get(0).end().isAfter(jobs.get(1).end()) ? jobs.get(0).end() : jobs.get(1).end();
    assertFalse(jobs.get(2).start().isBefore(firstDone), jobs.toString());
    assertTrue(read(sweep.resolve("slurm/array-001.sh")).contains("#SBATCH --array=0-1%2"));
    assertTrue(read(sweep.resolve("slurm/array-003.sh")).contains("#SBATCH --array=0\n"));
  }

  @Test
  @Order(6)
  void shellMetacharactersReachTheTaskVerbatim() throws Exception {
    String tricky = "$(touch pwned); rm -rf x `touch pwned2` 'single' \"double\" * ~ \\ end";
    String twoLines = "first line\nsecond; line";
    Path conf =
        project(
            "quoting",
            """
        x: 0
        tricky: @TRICKY@
        two: @TWO@
        hydra:
          launcher:
            comment: @COMMENT@
          job:
            env_set:
              TRICKY_ENV: ${tricky}
            command: [bash, -c, 'printf "%s|%s|%s" "$1" "$2" "$TRICKY_ENV"', task, '${tricky}', '${two}']
        """
                .replace("@TRICKY@", json(tricky))
                .replace("@TWO@", json(twoLines))
                .replace("@COMMENT@", json("a \"b\" 'c' $(d) \\e")));
    CliRun run = sweep(conf, "x=0", "--wait");
    assertEquals(0, run.exitCode(), run.err());
    Path sweep = sweepDir(conf);
    assertEquals(tricky + "|" + twoLines + "|" + tricky, read(sweep.resolve("0/stdout.log")));
    try (Stream<Path> files = Files.walk(root)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("pwned")));
    }
    long id = SubmissionLog.read(sweep).arrays().get(0).arrayJobId();
    Process squeue =
        new ProcessBuilder("squeue", "-h", "-t", "all", "-j", String.valueOf(id), "-o", "%k")
            .start();
    assertEquals(
        "a \"b\" 'c' $(d) \\e",
        new String(squeue.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .strip());
  }

  @Test
  @Order(7)
  void settingsSlurmRefusesAreUsageErrorsNamingTheKey() throws Exception {
    Path conf = project("refused", "x: 0\nhydra:\n  job:\n    command: ['true']\n");
    CliRun partition = sweep(conf, "x=0,1", "hydra.launcher.partition=hydra4j-nosuch");
    assertEquals(2, partition.exitCode());
    assertTrue(
        partition.err().contains("invalid partition specified: hydra4j-nosuch"), partition.err());
    assertTrue(
        partition.err().contains("caused by hydra.launcher.partition=hydra4j-nosuch"),
        partition.err());
    assertTrue(
        partition.err().contains("at override 'hydra.launcher.partition=hydra4j-nosuch'"),
        partition.err());
    assertFalse(Files.exists(sweepDir(conf)), "nothing may be written");

    CliRun cpus = sweep(conf, "x=0,1", "hydra.launcher.cpus_per_task=512");
    assertEquals(2, cpus.exitCode());
    assertTrue(cpus.err().contains("Requested node configuration is not available"), cpus.err());
    assertTrue(cpus.err().contains("caused by hydra.launcher.cpus_per_task=512"), cpus.err());

    Files.createDirectories(conf.resolve("hydra/launcher"));
    Files.writeString(conf.resolve("hydra/launcher/slurm.yaml"), "partition: debug\nparition: x\n");
    CliRun typo = sweep(conf, "x=0,1");
    assertEquals(2, typo.exitCode());
    assertTrue(typo.err().contains("Unknown key 'parition' in hydra.launcher"), typo.err());
    assertTrue(typo.err().contains("slurm.yaml:2:11"), typo.err());
    assertTrue(
        typo.err().contains("did you mean 'partition'? valid keys: name, job_name"), typo.err());
    assertFalse(Files.exists(sweepDir(conf)), "nothing may be written");
  }

  @Test
  @Order(8)
  void missingOrUnreachableSlurmIsAUsageError() throws Exception {
    Path conf = project("nocluster", "x: 0\nhydra:\n  job:\n    command: [/bin/true]\n");
    String dir = "hydra.sweep.dir=" + sweepDir(conf);
    CliRun missing =
        childJvm(
            Map.of("PATH", root.resolve("no-bin").toString()),
            "-cp",
            conf.toString(),
            "-m",
            dir,
            "x=0,1");
    assertEquals(2, missing.exitCode(), missing.err());
    assertTrue(
        missing.err().contains("SLURM is not installed here: 'sinfo' was not found"),
        missing.err());

    String realConf = "/etc/slurm/slurm.conf";
    String text =
        Files.readAllLines(Path.of(realConf)).stream()
                .filter(l -> !l.matches("(?i)\\s*(SlurmctldPort|MessageTimeout)\\s*=.*"))
                .reduce("", (a, b) -> a + b + "\n")
            + "SlurmctldPort=1\nMessageTimeout=2\n";
    Path badConf = Files.writeString(root.resolve("unreachable.conf"), text);
    CliRun unreachable =
        childJvm(
            Map.of("SLURM_CONF", badConf.toString()), "-cp", conf.toString(), "-m", dir, "x=0,1");
    assertEquals(2, unreachable.exitCode(), unreachable.err());
    assertTrue(unreachable.err().contains("SLURM controller unreachable"), unreachable.err());
    assertFalse(Files.exists(sweepDir(conf)), "nothing may be written");
  }

  @Test
  @Order(9)
  void dryRunPrintsTheScriptsAndSubmitsNothing() throws Exception {
    Path conf =
        project(
            "dryrun",
            """
        x: 0
        hydra:
          launcher:
            array_parallelism: 2
            setup: ['module load cuda']
          job:
            command: [python3, train.py, '${x}']
        """);
    CliRun run = sweep(conf, "x=range(0,3)", "--dry-run");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("num  x\n  0  0\n"), run.out());
    assertTrue(
        run.out().contains("# ===== " + sweepDir(conf) + "/slurm/array-001.sh (3 jobs)"),
        run.out());
    assertTrue(run.out().contains("#SBATCH --array=0-2%2\n"), run.out());
    assertTrue(run.out().contains("hydra4j_setup_lines=(\n  'module load cuda'\n)"), run.out());
    assertTrue(run.out().contains("  hydra4j_command=( 'python3' 'train.py' '2')"), run.out());
    assertTrue(
        run.err()
            .contains("SLURM would accept them (sbatch --test-only); nothing was" + " submitted"),
        run.err());
    assertFalse(Files.exists(sweepDir(conf)), "nothing may be written");
  }

  @Test
  @Order(100)
  void timeLimitEndsInTimeoutAfterAtMostMaxNumTimeoutRequeues() throws Exception {
    Path sweep = timeoutSweep;
    assertTrue(sweep != null, "the time-limit sweep was not submitted");
    long id = SubmissionLog.read(sweep).arrays().get(0).arrayJobId();
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    while (!(status(sweep, 0).state().isTerminal()
        && status(sweep, 0).attempt() == 2
        && status(sweep, 1).state().isTerminal()
        && status(sweep, 1).attempt() == 2)) {
      if (System.nanoTime() > deadline) {
        fail("gave up on the time-limit sweep: " + statuses(sweep, 2));
      }
      // SLURM holds a requeued job for about two minutes; the test need not wait for that.
      // But not at once: slurmd refuses a job id it killed moments ago ("already killed, do
      // not launch batch job") and fails the task, so only a run ended 5 s ago is nudged.
      for (int task = 0; task < 2; task++) {
        JobStatus s = status(sweep, task);
        if (s.end() == null || s.end().isAfter(java.time.Instant.now().minusSeconds(5))) {
          continue;
        }
        new ProcessBuilder("scontrol", "update", "JobId=" + id + "_" + task, "StartTime=now")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor();
      }
      Thread.sleep(2000);
    }
    JobStatus timedOut = status(sweep, 0);
    assertEquals(JobState.TIMEOUT, timedOut.state(), timedOut.toString());
    assertEquals(null, timedOut.extra().get("requeued"), timedOut.toString());
    assertEquals("run 0\n", read(sweep.resolve("0/stdout.attempt1.log")));
    assertEquals("run 1\n", read(sweep.resolve("0/stdout.log")));
    String slurmOut = read(sweep.resolve("0/slurm-" + id + "_0.out"));
    assertEquals(2, slurmOut.split("DUE TO TIME LIMIT", -1).length - 1, slurmOut);
    assertTrue(slurmOut.contains("requeued after TIMEOUT (restart 1 of at most 1)"), slurmOut);
    JobStatus completed = status(sweep, 1);
    assertEquals(JobState.COMPLETED, completed.state(), completed.toString());
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    2 (1 COMPLETED, 1 TIMEOUT)"), status.out());
  }

  /** A YAML double-quoted string. */
  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
