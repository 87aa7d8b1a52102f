package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.JobSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Planning packed tasks: the slots and slices, the refusals, tasks per array, task of a job. */
class PackingTest {

  private static Packing packing(String yaml) {
    return SlurmSettings.parse(SlurmSettingsTest.yaml(yaml)).packing();
  }

  private static ConfigException refused(String yaml) {
    return assertThrows(
        ConfigException.class, () -> SlurmSettings.parse(SlurmSettingsTest.yaml(yaml)));
  }

  @Test
  void withoutJobsPerTaskATaskIsOneJob() {
    Packing p = packing("cpus_per_task: 8");
    assertEquals(Packing.NONE, p);
    assertEquals(7, p.tasksFor(7));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // settings | slots | cpus per job | gpus per job
        "jobs_per_task: 10                                      | 1 | 1 | 0",
        "jobs_per_task: 10, cpus_per_task: 4                    | 4 | 1 | 0",
        "jobs_per_task: 4, cpus_per_task: 8                     | 4 | 2 | 0",
        "jobs_per_task: 4, cpus_per_task: 8, cpus_per_job: 4    | 2 | 4 | 0",
        "jobs_per_task: 3, cpus_per_task: 8                     | 3 | 2 | 0",
        "jobs_per_task: 8, cpus_per_task: 8, gpus_per_task: 2   | 2 | 1 | 1",
        "jobs_per_task: 4, cpus_per_task: 8, gpus_per_node: 'a100:4', gpus_per_job: 2 | 2 | 2 | 2",
        "jobs_per_task: 2, cpus_per_task: 2, gres: 'gpu:v100:4' | 2 | 1 | 2",
      })
  void slotsAreWhatTheTasksCpusAndGpusHold(String settings, int slots, int cpus, int gpus) {
    Packing p = packing("{" + settings + "}");
    assertEquals(slots, p.slots(), p.toString());
    assertEquals(cpus, p.cpusPerJob(), p.toString());
    assertEquals(gpus, p.gpusPerJob(), p.toString());
  }

  @Test
  void tasksAreTheJobsDividedRoundingUp() {
    Packing p = packing("jobs_per_task: 10");
    assertEquals(4, p.tasksFor(40));
    assertEquals(5, p.tasksFor(41));
    assertEquals(1, p.tasksFor(1));
  }

  @Test
  void slicesAreNamedByPosition() {
    Packing p = packing("{jobs_per_task: 4, cpus_per_task: 8, gpus_per_task: 4}");
    assertEquals("slot 0: CPUs #0-1, GPU #0", p.slice(0));
    assertEquals("slot 3: CPUs #6-7, GPU #3", p.slice(3));
    assertEquals(
        "4 jobs per task, 4 at once; each job 2 CPUs (taskset) and 1 GPU (CUDA_VISIBLE_DEVICES)",
        p.describe());
  }

  @Test
  void refusalsNameTheKeyAndTheFix() {
    ConfigException zero = refused("jobs_per_task: 0");
    assertTrue(zero.getMessage().contains("jobs_per_task must be a whole number of at least 1"));
    ConfigException many = refused("jobs_per_task: 5000");
    assertTrue(many.getMessage().contains("more than 1000 jobs in one task"), many.getMessage());
    ConfigException uneven = refused("{jobs_per_task: 4, cpus_per_task: 6, cpus_per_job: 4}");
    assertEquals(
        "hydra.launcher.cpus_per_job=4 does not divide the task's"
            + " hydra.launcher.cpus_per_task=6 into equal slices",
        uneven.getMessage());
    assertEquals(
        "e.g. hydra.launcher.cpus_per_task=8 (2 job(s) at once), or hydra.launcher.cpus_per_job=3",
        uneven.hint());
    assertTrue(uneven.origin().toString().contains("slurm.yaml"), uneven.origin().toString());
    ConfigException noGpus = refused("{jobs_per_task: 4, gpus_per_job: 1}");
    assertTrue(noGpus.getMessage().contains("but the task asks for no GPUs"), noGpus.getMessage());
    ConfigException gpusUneven = refused("{jobs_per_task: 4, gpus_per_task: 3, gpus_per_job: 2}");
    assertTrue(gpusUneven.getMessage().contains("does not divide the task's 3 GPUs"));
    ConfigException alone = refused("cpus_per_job: 2");
    assertTrue(alone.getMessage().contains("but jobs_per_task is 1"), alone.getMessage());
    ConfigException nodes = refused("{jobs_per_task: 4, nodes: 2}");
    assertTrue(nodes.getMessage().contains("hydra.launcher.nodes=2"), nodes.getMessage());
    ConfigException srun = refused("{jobs_per_task: 4, srun_args: [--mpi=pmix]}");
    assertTrue(srun.getMessage().contains("srun_args"), srun.getMessage());
  }

  @Test
  void anArrayHoldsAsManyJobsAsItsTasksAllow() {
    SlurmSettings s = SlurmSettings.parse(SlurmSettingsTest.yaml("jobs_per_task: 10"));
    List<ArrayScript.Task> tasks = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      tasks.add(
          new ArrayScript.Task(
              new JobSpec(
                  i,
                  Path.of("/sweep/" + i),
                  List.of("true"),
                  Map.of(),
                  Path.of("/sweep"),
                  null,
                  SlurmSettingsTest.yaml("jobs_per_task: 10")),
              0));
    }
    // MaxArraySize 2: two tasks of ten jobs per array.
    List<ArrayPlan> arrays = ArrayPlan.of(Collections.nCopies(45, s), tasks, 2);
    assertEquals(List.of(20, 20, 5), arrays.stream().map(a -> a.tasks().size()).toList());
    assertEquals(List.of(2, 2, 1), arrays.stream().map(ArrayPlan::taskCount).toList());
  }

  @Test
  void theSubmissionLogMapsEachJobToItsTask(@TempDir Path sweep) throws Exception {
    List<Integer> jobs = new ArrayList<>();
    for (int num = 100; num < 125; num++) {
      jobs.add(num);
    }
    SubmissionLog.Array packed =
        new SubmissionLog.Array(
            "array-001", 7L, Instant.EPOCH, "slurm/array-001.sh", null, jobs, null, 10);
    assertEquals(3, packed.tasks());
    SubmissionLog.empty().append(sweep, packed);
    SubmissionLog read = SubmissionLog.read(sweep);
    assertEquals(packed, read.arrays().get(0));
    assertEquals(0, read.placement(109).task());
    assertEquals(1, read.placement(110).task());
    assertEquals(2, read.placement(124).task());
    assertEquals(
        25, new SubmissionLog.Array("a", 7L, Instant.EPOCH, "s", null, jobs, null, 1).tasks());
  }
}
