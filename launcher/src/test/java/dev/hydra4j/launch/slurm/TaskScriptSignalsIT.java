package dev.hydra4j.launch.slurm;

import static dev.hydra4j.launch.slurm.TaskScripts.awaitLine;
import static dev.hydra4j.launch.slurm.TaskScripts.awaitState;
import static dev.hydra4j.launch.slurm.TaskScripts.runUnknown;
import static dev.hydra4j.launch.slurm.TaskScripts.startUnknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The array scripts under SLURM's signals, sent here with kill: the time-limit warning (USR2),
 * scancel's and the time limit's TERM, and a requeued task run again. Integration tier: each test
 * waits on real bash process trees for seconds, and a requeue calls the real scontrol, which waits
 * out its retries when no controller is up. ArrayScriptTest and PackedScriptTest run the same
 * scripts without signals; SlurmLauncherIT and SlurmPackingIT on the real cluster.
 */
class TaskScriptSignalsIT {

  @TempDir Path dir;

  private JobSpec job(int num, String settings, List<String> argv) throws IOException {
    return TaskScripts.job(dir, num, settings, argv, Map.of());
  }

  private Path script(String settings, List<JobSpec> jobs) throws IOException {
    return TaskScripts.writeJobs(dir.resolve("sweep"), settings, jobs);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7})
  void anExitAfterTheTimeLimitWarningIsATimeoutWhateverItsCode(int code) throws Exception {
    String settings = "signal_delay_s: 60";
    JobSpec j =
        job(
            0,
            settings,
            List.of(
                "bash",
                "-c",
                "trap 'echo saving; exit " + code + "' USR2; echo started; sleep 20 & wait"));
    Path script = script(settings, List.of(j));
    Process p = startUnknown(script, 0, Map.of());
    awaitLine(j.jobDir().resolve("stdout.log"), "started");
    // SLURM sends the warning to the batch shell only (--signal=B:USR2@60).
    assertEquals(0, new ProcessBuilder("kill", "-USR2", String.valueOf(p.pid())).start().waitFor());
    awaitLine(j.jobDir().resolve("stdout.log"), "saving");
    // With no requeue left, the script waits for SLURM's limit, which ends it with TERM, so
    // that SLURM records TIMEOUT too rather than COMPLETED.
    assertFalse(p.waitFor(1, TimeUnit.SECONDS), "the script ended before the time limit");
    assertEquals(JobState.RUNNING, StatusFile.read(j.jobDir(), 0).state());
    assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    JobStatus s = StatusFile.read(j.jobDir(), 0);
    assertEquals(JobState.TIMEOUT, s.state(), s.toString());
    assertEquals(143, s.exitCode(), s.toString());
    assertEquals(String.valueOf(code), s.extra().get("task_exit_code"), s.toString());
    assertEquals("started\nsaving\n", read(j.jobDir().resolve("stdout.log")));
  }

  /**
   * scancel's SIGTERM reaches every process of the job under proctrack/linuxproc (the output pumps
   * outlive it), but only the batch script under proctrack/cgroup, which must pass it on.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void termBeforeTheTimeLimitIsACancel(boolean toEveryProcess) throws Exception {
    String settings = "timeout_min: 10";
    JobSpec j =
        job(
            0,
            settings,
            List.of(
                "bash",
                "-c",
                "trap 'echo stopping; exit 143' TERM; sleep 100 & echo started; wait"));
    Path script = script(settings, List.of(j));
    Process p = startUnknown(script, 0, Map.of());
    awaitLine(j.jobDir().resolve("stdout.log"), "started");
    List<ProcessHandle> tree = p.descendants().toList();
    List<ProcessHandle> signalled = new ArrayList<>(List.of(p.toHandle()));
    if (toEveryProcess) {
      signalled.addAll(tree);
    }
    for (ProcessHandle h : signalled) {
      new ProcessBuilder("kill", "-TERM", String.valueOf(h.pid())).start().waitFor();
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    // The task's own child (sleep) stopped too: nothing is left for SLURM's KILL.
    for (ProcessHandle h : tree) {
      h.onExit().get(30, TimeUnit.SECONDS);
    }
    JobStatus s = StatusFile.read(j.jobDir(), 0);
    assertEquals(JobState.CANCELLED, s.state(), s.toString());
    assertEquals(143, s.exitCode());
    assertEquals(null, s.extra().get("task_exit_code"), s.toString());
    assertEquals("started\nstopping\n", read(j.jobDir().resolve("stdout.log")));
  }

  @Test
  void aRequeuedTaskRunsAgainOnlyItsUnfinishedJobs() throws Exception {
    String settings =
        "jobs_per_task: 3\ncpus_per_task: 3\ncpus_per_job: 1\n"
            + "timeout_min: 5\nsignal_delay_s: 30\nmax_num_timeout: 1";
    Path marker = dir.resolve("second-run");
    // Job 1 runs until the time-limit warning the first time, and ends at once the second.
    String slow =
        "if [ -e '"
            + marker
            + "' ]; then echo second; exit 0; fi; touch '"
            + marker
            + "'; trap 'echo saving; exit 0' USR2; echo started; sleep 30 & wait";
    List<JobSpec> jobs =
        List.of(
            job(0, settings, List.of("bash", "-c", "echo quick")),
            job(1, settings, List.of("bash", "-c", slow)),
            job(2, settings, List.of("bash", "-c", "echo bad; exit 4")));
    Path script = script(settings, jobs);
    Process p = startUnknown(script, 0, Map.of());
    awaitLine(jobs.get(1).jobDir().resolve("stdout.log"), "started");
    awaitState(jobs.get(0), JobState.COMPLETED);
    awaitState(jobs.get(2), JobState.FAILED);
    String firstEnd = Files.readString(StatusFile.path(jobs.get(0).jobDir()));
    // SLURM sends the warning to the batch shell only; the packer passes it on.
    assertEquals(0, new ProcessBuilder("kill", "-USR2", String.valueOf(p.pid())).start().waitFor());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    JobStatus timedOut = StatusFile.read(jobs.get(1).jobDir(), 1);
    assertEquals(JobState.TIMEOUT, timedOut.state(), timedOut.toString());
    assertEquals("true", timedOut.extra().get("requeued"));
    // The packer asked SLURM to requeue the task (refused here: no such job).
    assertTrue(
        Files.readString(script.resolveSibling("task-0.out")).contains("scontrol requeue"),
        Files.readString(script.resolveSibling("task-0.out")));

    // SLURM runs the requeued task again.
    assertEquals(
        1, runUnknown(script, 0, Map.of("SLURM_RESTART_COUNT", "1")), "job 2 stays FAILED");
    assertEquals(firstEnd, Files.readString(StatusFile.path(jobs.get(0).jobDir())));
    assertEquals(JobState.FAILED, StatusFile.read(jobs.get(2).jobDir(), 2).state());
    assertEquals("bad\n", Files.readString(jobs.get(2).jobDir().resolve("stdout.log")));
    JobStatus again = StatusFile.read(jobs.get(1).jobDir(), 1);
    assertEquals(JobState.COMPLETED, again.state(), again.toString());
    assertEquals(2, again.attempt());
    assertEquals("second\n", Files.readString(jobs.get(1).jobDir().resolve("stdout.log")));
    assertEquals(
        "started\nsaving\n", Files.readString(jobs.get(1).jobDir().resolve("stdout.attempt1.log")));
  }

  @Test
  void aTermToTheTaskAloneStopsEachRunningJobAndKeepsTheFinishedOnes() throws Exception {
    // One CPU: one job at a time, so job 2 waits for job 1.
    String settings = "jobs_per_task: 3\ncpus_per_task: 1\ntimeout_min: 10";
    List<JobSpec> jobs =
        List.of(
            job(0, settings, List.of("bash", "-c", "echo quick")),
            job(
                1,
                settings,
                List.of(
                    "bash",
                    "-c",
                    "trap 'echo stopping; exit 3' TERM; echo started; sleep 60 & wait")),
            job(2, settings, List.of("bash", "-c", "echo never")));
    Process p = startUnknown(script(settings, jobs), 0, Map.of());
    awaitState(jobs.get(0), JobState.COMPLETED);
    awaitLine(jobs.get(1).jobDir().resolve("stdout.log"), "started");
    // At its time limit SLURM sends TERM to the batch shell alone (KILL follows KillWait later).
    assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the task did not end on TERM");
    assertEquals(143, p.exitValue(), "the task ends by the TERM, as SLURM's accounting shows");
    assertEquals(JobState.COMPLETED, StatusFile.read(jobs.get(0).jobDir(), 0).state());
    JobStatus stopped = StatusFile.read(jobs.get(1).jobDir(), 1);
    // Before the time limit (the clock says so, and no SLURM knows this task): a cancel.
    assertEquals(JobState.CANCELLED, stopped.state(), stopped.toString());
    assertEquals(143, stopped.exitCode());
    awaitLine(jobs.get(1).jobDir().resolve("stdout.log"), "stopping");
    // Job 2 waited for the slot: it never started and wrote nothing.
    assertTrue(Files.notExists(StatusFile.path(jobs.get(2).jobDir())));
  }
}
