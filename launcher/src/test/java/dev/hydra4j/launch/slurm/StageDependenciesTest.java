package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StageLinks;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sbatch dependency of a pipeline stage's array, from the upstream stage's {@code slurm.json}
 * and status files: {@code aftercorr} when the arrays line up task for task, {@code afterok}
 * otherwise, and nothing for upstream jobs that have already completed.
 */
class StageDependenciesTest {

  @TempDir Path root;
  Path train;
  Path eval;
  Path aggregate;

  @BeforeEach
  void stages() throws IOException {
    train = Files.createDirectories(root.resolve("train"));
    eval = Files.createDirectories(root.resolve("eval"));
    aggregate = Files.createDirectories(root.resolve("aggregate"));
    new StageLinks("train", List.of()).write(train);
    new StageLinks("eval", List.of(new StageLinks.Link("train", "../train", true))).write(eval);
    new StageLinks("aggregate", List.of(new StageLinks.Link("eval", "../eval", false)))
        .write(aggregate);
  }

  private static void submitted(Path stage, long id, Integer... nums) throws IOException {
    SubmissionLog.read(stage)
        .append(
            stage,
            new SubmissionLog.Array(
                "array-" + id, id, Instant.now(), "slurm/x.sh", null, List.of(nums), null, 1));
  }

  private static List<ArrayScript.Task> tasks(Path stage, int... nums) {
    List<ArrayScript.Task> tasks = new ArrayList<>();
    for (int num : nums) {
      Path dir = stage.resolve(String.valueOf(num));
      tasks.add(
          new ArrayScript.Task(new JobSpec(num, dir, List.of("true"), Map.of(), dir, null), 0));
    }
    return tasks;
  }

  private static List<String> options(Path stage, List<ArrayScript.Task> tasks, Long after)
      throws IOException {
    return StageDependencies.of(stage).options(tasks, after, 1);
  }

  @Test
  void arraysThatLineUpTaskForTaskWaitWithAftercorr() throws IOException {
    submitted(train, 101, 0, 1, 2, 3);
    assertEquals(
        List.of("--dependency=aftercorr:101", "--kill-on-invalid-dep=yes"),
        options(eval, tasks(eval, 0, 1, 2, 3), null));
    // The second part of a split array also waits for the first (afterany), as before.
    assertEquals(
        List.of("--dependency=afterany:7,aftercorr:101", "--kill-on-invalid-dep=yes"),
        options(eval, tasks(eval, 0, 1, 2, 3), 7L));
  }

  @Test
  void arraysThatDoNotLineUpWaitForTheWholeUpstreamArrays() throws IOException {
    submitted(train, 101, 0, 1);
    submitted(train, 102, 2, 3);
    assertEquals(
        List.of("--dependency=afterok:101:102", "--kill-on-invalid-dep=yes"),
        options(eval, tasks(eval, 0, 1, 2, 3), null));
  }

  @Test
  void completedUpstreamJobsAreNotWaitedFor() throws IOException {
    submitted(train, 101, 0, 1);
    for (int num = 0; num < 2; num++) {
      Instant t = Instant.now();
      StatusFile.write(
          Files.createDirectories(train.resolve(String.valueOf(num))),
          new JobStatus(num, JobState.COMPLETED, 0, t, t, null, "h", 1L, 1, Map.of()));
    }
    assertEquals(List.of(), options(eval, tasks(eval, 0, 1), null));
    // A rerun: train job 1 queued again as array 103, task 0; eval job 1 alone lines up with it.
    StatusFile.write(train.resolve("1"), JobStatus.unstarted(1, JobState.PENDING, 1, Map.of()));
    submitted(train, 103, 1);
    assertEquals(
        List.of("--dependency=aftercorr:103", "--kill-on-invalid-dep=yes"),
        options(eval, tasks(eval, 1), null));
  }

  @Test
  void packedArraysLineUpByTask() throws IOException {
    SubmissionLog.read(train)
        .append(
            train,
            new SubmissionLog.Array(
                "array-101",
                101L,
                Instant.now(),
                "slurm/x.sh",
                null,
                List.of(0, 1, 2, 3),
                null,
                2));
    assertEquals(
        List.of("--dependency=aftercorr:101", "--kill-on-invalid-dep=yes"),
        StageDependencies.of(eval).options(tasks(eval, 0, 1, 2, 3), null, 2));
    assertEquals(
        List.of("--dependency=afterok:101", "--kill-on-invalid-dep=yes"),
        StageDependencies.of(eval).options(tasks(eval, 0, 1, 2, 3), null, 1));
  }

  @Test
  void aWholeStageDependantWaitsWithAfterokForEveryUpstreamArray() throws IOException {
    submitted(eval, 201, 0, 1);
    submitted(eval, 202, 2);
    assertEquals(
        List.of("--dependency=afterok:201:202", "--kill-on-invalid-dep=yes"),
        options(aggregate, tasks(aggregate, 0), null));
  }

  @Test
  void aSweepThatIsNoStageGetsOnlyItsOwnSplitArrayOrdering() throws IOException {
    Path plain = Files.createDirectories(root.resolve("plain"));
    assertEquals(List.of(), options(plain, tasks(plain, 0), null));
    assertEquals(List.of("--dependency=afterany:5"), options(plain, tasks(plain, 0), 5L));
  }
}
