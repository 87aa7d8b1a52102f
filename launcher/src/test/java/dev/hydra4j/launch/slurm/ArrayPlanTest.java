package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrayPlanTest {

  @TempDir Path dir;

  private static ArrayScript.Task task(int num) {
    return new ArrayScript.Task(
        new JobSpec(num, Path.of("/s/" + num), List.of("true"), Map.of(), Path.of("/s"), null), 0);
  }

  private static SlurmSettings settings(String yaml) {
    return SlurmSettings.parse(SlurmSettingsTest.yaml(yaml));
  }

  private static List<List<Integer>> nums(List<ArrayPlan> arrays) {
    return arrays.stream().map(a -> a.tasks().stream().map(t -> t.job().num()).toList()).toList();
  }

  @Test
  void jobsWithDifferentResourcesGoToDifferentArrays() {
    SlurmSettings small = settings("mem_gb: 1");
    SlurmSettings big = settings("mem_gb: 8");
    List<ArrayPlan> arrays =
        ArrayPlan.of(
            List.of(small, big, small, big, small),
            List.of(task(0), task(1), task(2), task(3), task(4)),
            1001);
    assertEquals(List.of(List.of(0, 2, 4), List.of(1, 3)), nums(arrays));
    assertEquals(small, arrays.get(0).settings());
    assertTrue(arrays.stream().noneMatch(ArrayPlan::afterPrevious));
  }

  @Test
  void aLargeGroupIsCutIntoArraysThatRunInTurn() {
    SlurmSettings s = settings("max_array_size: 3");
    List<ArrayScript.Task> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tasks.add(task(i));
    }
    List<ArrayPlan> arrays = ArrayPlan.of(java.util.Collections.nCopies(8, s), tasks, 1001);
    assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7)), nums(arrays));
    assertEquals(
        List.of(false, true, true), arrays.stream().map(ArrayPlan::afterPrevious).toList());
    // the cluster's limit applies when it is the smaller one
    assertEquals(
        4, ArrayPlan.of(java.util.Collections.nCopies(8, settings("{}")), tasks, 2).size());
  }

  @Test
  void submissionLogRoundTripsAndKnowsEachJobsCurrentTask() throws IOException {
    SubmissionLog log = SubmissionLog.empty();
    Instant t = Instant.parse("2026-01-31T12:00:00Z");
    log =
        log.append(
            dir,
            new SubmissionLog.Array(
                "array-001", 100L, t, "slurm/array-001.sh", null, List.of(0, 1, 2), null, 1));
    log =
        log.append(
            dir,
            new SubmissionLog.Array(
                "array-002",
                null,
                t,
                "slurm/array-002.sh",
                100L,
                List.of(3),
                "sbatch: error: \"bad\"\nsecond line",
                1));
    log =
        log.append(
            dir,
            new SubmissionLog.Array(
                "array-003", 130L, t, "slurm/array-003.sh", null, List.of(1), null, 1));
    SubmissionLog back = SubmissionLog.read(dir);
    assertEquals(log.arrays(), back.arrays());
    assertEquals(130L, back.placement(1).array().arrayJobId());
    assertEquals(0, back.placement(1).task());
    assertEquals(2, back.placement(2).task());
    assertEquals(false, back.placement(3).array().submittedOk());
    assertEquals(null, back.placement(9));
    assertEquals(List.of(100L, 130L), List.copyOf(back.arrayJobIds()));
    assertTrue(Files.readString(dir.resolve("slurm.json")).startsWith("{\"arrays\": [\n  {"));
  }

  @Test
  void refusalsNameTheSettingBehindThem() {
    SlurmSettings s = settings("partition: nosuch\ncpus_per_task: 64\nmem_gb: 2");
    ConfigException partition =
        Refusals.explain(
            new ConfigException(
                "SLURM refused the job: sbatch: error: invalid partition specified: nosuch",
                Origin.of("command: sbatch"),
                null),
            s);
    assertTrue(
        partition.getMessage().endsWith("caused by hydra.launcher.partition=nosuch"),
        partition.getMessage());
    assertEquals("conf/hydra/launcher/slurm.yaml:1:12", partition.origin().toString());
    ConfigException node =
        Refusals.explain(
            new ConfigException(
                "SLURM refused the job:"
                    + " allocation failure: Requested node configuration is not available",
                Origin.of("command: sbatch"),
                null),
            s);
    assertTrue(
        node.getMessage()
            .endsWith(
                "caused by one of hydra.launcher.cpus_per_task=64,"
                    + " hydra.launcher.mem_gb=2G, hydra.launcher.partition=nosuch"),
        node.getMessage());
    ConfigException unknown =
        assertThrows(
            ConfigException.class,
            () -> {
              throw Refusals.explain(
                  new ConfigException("SLURM refused the job: odd", null, null), settings("{}"));
            });
    assertEquals("SLURM refused the job: odd", unknown.getMessage());
  }
}
