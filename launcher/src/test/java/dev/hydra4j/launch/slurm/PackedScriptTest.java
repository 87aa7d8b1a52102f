package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packed array scripts ({@code jobs_per_task}) run by bash on this machine as SLURM would run one
 * task: every job of the task in its own bash with its own slice, status and logs. SlurmPackingIT
 * runs them on the real cluster.
 */
class PackedScriptTest {

  /** An array job id SLURM never hands out, so no scontrol here can touch a real job. */
  private static final String NO_SUCH_ARRAY = "99999999";

  @TempDir Path dir;

  private JobSpec job(int num, String settings, List<String> argv) throws IOException {
    Path jobDir = Files.createDirectories(dir.resolve("sweep").resolve(String.valueOf(num)));
    return new JobSpec(num, jobDir, argv, Map.of(), dir, null, SlurmSettingsTest.yaml(settings));
  }

  private Path script(String settings, List<JobSpec> jobs) throws IOException {
    List<ArrayScript.Task> tasks = new ArrayList<>();
    jobs.forEach(j -> tasks.add(new ArrayScript.Task(j, 0)));
    return TaskScripts.write(dir.resolve("sweep"), settings, tasks);
  }

  private static Process start(Path script, int task, Map<String, String> env) throws IOException {
    return TaskScripts.start(script, task, NO_SUCH_ARRAY, NO_SUCH_ARRAY, env);
  }

  private static int run(Path script, int task, Map<String, String> env) throws Exception {
    Process p = start(script, task, env);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "task " + task + " did not end");
    return p.exitValue();
  }

  /** The CPUs this process may run on, as the packer reads them. */
  private static int allowedCpus() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Cpus_allowed_list:")) {
        int n = 0;
        for (String part : line.substring(line.indexOf(':') + 1).trim().split(",")) {
          String[] ends = part.split("-");
          n += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return n;
      }
    }
    throw new AssertionError("no Cpus_allowed_list");
  }

  @Test
  void eachJobOfATaskHasItsOwnStatusLogsAndCpuSlice() throws Exception {
    String settings = "jobs_per_task: 3\ncpus_per_task: 2\ncpus_per_job: 1";
    // Prints the CPUs it may use, as the kernel sees them; job 1 fails.
    List<String> affinity =
        List.of("bash", "-c", "grep Cpus_allowed_list /proc/self/status | cut -f2; exit \"$1\"");
    List<JobSpec> jobs = new ArrayList<>();
    for (int num = 0; num < 5; num++) {
      List<String> argv = new ArrayList<>(affinity);
      argv.addAll(List.of("job", num == 1 ? "1" : "0"));
      jobs.add(job(num, settings, argv));
    }
    Path script = script(settings, jobs);
    assertEquals(1, run(script, 0, Map.of()), "task 0 holds the failing job");
    assertEquals(0, run(script, 1, Map.of()));
    for (JobSpec j : jobs) {
      JobStatus s = StatusFile.read(j.jobDir(), j.num());
      assertEquals(j.num() == 1 ? JobState.FAILED : JobState.COMPLETED, s.state(), s.toString());
      assertEquals(j.num() == 1 ? 1 : 0, s.exitCode());
      assertEquals(String.valueOf(j.num() / 3), s.extra().get("slurm_array_task_id"));
      assertEquals("3", s.extra().get("jobs_per_task"));
      String cpus = s.extra().get("cpus");
      assertEquals(cpus, Files.readString(j.jobDir().resolve("stdout.log")).strip(), s.toString());
      assertTrue(cpus.matches("\\d+"), "one CPU per job: " + cpus);
      assertTrue(
          Files.exists(j.jobDir().resolve("slurm-" + NO_SUCH_ARRAY + "_" + j.num() / 3 + ".out")));
    }
    if (allowedCpus() >= 2) {
      // Jobs 0 and 1 start together, in the task's two slots.
      assertNotEquals(
          StatusFile.read(jobs.get(0).jobDir(), 0).extra().get("cpus"),
          StatusFile.read(jobs.get(1).jobDir(), 1).extra().get("cpus"));
    }
  }

  @Test
  void gpusAreSplitFromTheTasksDevices() throws Exception {
    String settings = "jobs_per_task: 4\ncpus_per_task: 2\ngpus_per_task: 4\ngpus_per_job: 2";
    List<JobSpec> jobs = new ArrayList<>();
    for (int num = 0; num < 4; num++) {
      jobs.add(job(num, settings, List.of("bash", "-c", "echo \"$CUDA_VISIBLE_DEVICES\"")));
    }
    Path script = script(settings, jobs);
    assertEquals(0, run(script, 0, Map.of("CUDA_VISIBLE_DEVICES", "3,5,7,9")));
    List<String> seen = new ArrayList<>();
    for (JobSpec j : jobs) {
      String devices = Files.readString(j.jobDir().resolve("stdout.log")).strip();
      assertEquals(devices, StatusFile.read(j.jobDir(), j.num()).extra().get("gpus"));
      seen.add(devices);
    }
    // Two slots of two GPUs: the first two jobs take one each, the others whichever frees.
    assertEquals(List.of("3,5", "7,9"), seen.subList(0, 2));
    assertTrue(List.of("3,5", "7,9").containsAll(seen), seen.toString());
  }

  @Test
  void aTaskWithoutItsGpusFailsEachJobSayingSo() throws Exception {
    String settings = "jobs_per_task: 2\ngpus_per_task: 2";
    List<JobSpec> jobs =
        List.of(job(0, settings, List.of("true")), job(1, settings, List.of("true")));
    assertEquals(1, run(script(settings, jobs), 0, Map.of()));
    for (JobSpec j : jobs) {
      JobStatus s = StatusFile.read(j.jobDir(), j.num());
      assertEquals(JobState.FAILED, s.state());
      assertTrue(s.error().contains("fewer than hydra.launcher.gpus_per_job=1"), s.error());
    }
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
    Process p = start(script, 0, Map.of());
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
    assertEquals(1, run(script, 0, Map.of("SLURM_RESTART_COUNT", "1")), "job 2 stays FAILED");
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
  void aRequeuedTaskLeavesAloneAJobSubmittedAgainSince() throws Exception {
    String settings = "jobs_per_task: 2";
    Path runs = dir.resolve("runs");
    List<JobSpec> jobs = new ArrayList<>();
    for (int num = 0; num < 2; num++) {
      jobs.add(job(num, settings, List.of("bash", "-c", "echo ran >> '" + runs + "'")));
    }
    Path script = script(settings, jobs);
    // The newer submission (rerun) ran both jobs...
    Process newer = TaskScripts.start(script, 0, NO_SUCH_ARRAY, NO_SUCH_ARRAY, Map.of());
    assertTrue(newer.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, newer.exitValue());
    String before = Files.readString(StatusFile.path(jobs.get(1).jobDir()));
    // ...then the older array's task is requeued: it must not run them a second time.
    String older = String.valueOf(Long.parseLong(NO_SUCH_ARRAY) - 1);
    Process requeued =
        TaskScripts.start(script, 0, older, older, Map.of("SLURM_RESTART_COUNT", "1"));
    assertTrue(requeued.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, requeued.exitValue());
    assertEquals("ran\nran\n", Files.readString(runs));
    assertEquals(before, Files.readString(StatusFile.path(jobs.get(1).jobDir())));
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
    Process p = start(script(settings, jobs), 0, Map.of());
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

  private static void awaitState(JobSpec job, JobState state) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(StatusFile.path(job.jobDir()))
          && StatusFile.read(job.jobDir(), job.num()).state() == state) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + job.num() + " never reached " + state);
  }

  private static void awaitLine(Path log, String line) throws Exception {
    TaskScripts.awaitLine(log, line);
  }
}
