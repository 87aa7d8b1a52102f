package dev.hydra4j.launch.slurm;

import static dev.hydra4j.launch.slurm.TaskScripts.NO_SUCH_ARRAY;
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
 * runs them on the real cluster, TaskScriptSignalsIT under signals and requeue.
 */
class PackedScriptTest {

  @TempDir Path dir;

  private JobSpec job(int num, String settings, List<String> argv) throws IOException {
    return TaskScripts.job(dir, num, settings, argv, Map.of());
  }

  private Path script(String settings, List<JobSpec> jobs) throws IOException {
    return TaskScripts.writeJobs(dir.resolve("sweep"), settings, jobs);
  }

  private static int run(Path script, int task, Map<String, String> env) throws Exception {
    return TaskScripts.runUnknown(script, task, env);
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
}
