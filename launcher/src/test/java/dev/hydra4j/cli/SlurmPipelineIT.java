package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A train(4) → eval(4, one to one) → aggregate(1) pipeline on the real cluster, submitted by one
 * command that returns at once: SLURM holds eval task i until train task i completed ({@code
 * aftercorr}) and the aggregate until all of eval ({@code afterok}); a failing train job makes
 * exactly its eval job SKIPPED, and the aggregate too; {@code rerun --failed} on the pipeline
 * submits the failed job and its dependants, again all at once.
 */
class SlurmPipelineIT extends SlurmCliTest {

  private static final Duration PATIENCE = Duration.ofMinutes(4);

  @Test
  void thePipelineIsSubmittedAtOnceRunsInOrderAndSkipsTheDependantsOfAFailedJob() throws Exception {
    Path conf = project("pipeline", "seed: 0\nfail_marker: ''\n");
    Path marker = conf.resolveSibling("FAIL");
    Files.writeString(marker, "");
    Path file = conf.resolveSibling("pipeline.yaml");
    Files.writeString(file, PipelineCliTest.PIPELINE.replace("sleep 0.2", "sleep 3"));
    Path sweep = sweepDir(conf);

    CliRun submit = sweep(conf, "--pipeline", file.toString(), "fail_marker=" + marker);
    assertEquals(0, submit.exitCode(), submit.err());
    assertTrue(submit.err().contains("every stage is submitted"), submit.err());
    // The command returned with every stage queued and the last one not started.
    for (String stage : List.of("train", "eval", "aggregate")) {
      assertFalse(
          SubmissionLog.read(sweep.resolve(stage)).arrayJobIds().isEmpty(), stage + " submitted");
    }
    assertFalse(Files.exists(sweep.resolve("aggregate/0/" + StatusFile.NAME)));
    long trainArray = SubmissionLog.read(sweep.resolve("train")).arrayJobIds().iterator().next();
    assertTrue(submit.err().contains("aftercorr:" + trainArray), submit.err());

    awaitEnd(sweep, "eval", List.of(0, 1, 3));
    for (int i = 0; i < 4; i++) {
      assertEquals(i == 2 ? JobState.FAILED : JobState.COMPLETED, status(sweep, "train", i));
    }
    for (int i : List.of(0, 1, 3)) {
      assertEquals(JobState.COMPLETED, status(sweep, "eval", i));
      assertAfter(job(sweep, "eval", i), job(sweep, "train", i));
    }
    CliRun report = CliRun.of("status", sweep.toString());
    assertTrue(report.out().contains("job 2 SKIPPED: upstream train job 2 FAILED"), report.out());
    assertTrue(report.out().contains("job 0 SKIPPED: upstream eval job 2 SKIPPED"), report.out());
    assertTrue(
        report.out().contains("eval             4 jobs  3 COMPLETED, 1 SKIPPED"), report.out());
    // SLURM ended the dependants itself (--kill-on-invalid-dep): nothing stays pending.
    long evalArray = SubmissionLog.read(sweep.resolve("eval")).arrayJobIds().iterator().next();
    await(
        "SLURM to end the dependants of the failed job",
        PATIENCE,
        () -> {
          try {
            return command("squeue", "-h", "-j", evalArray + "," + aggregateArray(sweep)).strip();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        },
        String::isEmpty);

    Files.delete(marker);
    CliRun rerun = CliRun.of("rerun", "--failed", sweep.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    awaitEnd(sweep, "aggregate", List.of(0));
    assertEquals(JobState.COMPLETED, status(sweep, "train", 2));
    assertEquals(JobState.COMPLETED, status(sweep, "eval", 2));
    assertAfter(job(sweep, "eval", 2), job(sweep, "train", 2));
    JobStatus aggregate = job(sweep, "aggregate", 0);
    assertEquals(JobState.COMPLETED, aggregate.state());
    for (int i = 0; i < 4; i++) {
      assertAfter(aggregate, job(sweep, "eval", i));
    }
    assertEquals(
        "model 0\nmodel 1\nmodel 2\nmodel 3\n", read(sweep.resolve("aggregate/0/all.txt")));
  }

  private static long aggregateArray(Path sweep) {
    List<Long> ids = List.copyOf(SubmissionLog.read(sweep.resolve("aggregate")).arrayJobIds());
    return ids.get(ids.size() - 1);
  }

  private static JobStatus job(Path sweep, String stage, int num) {
    return StatusFile.read(sweep.resolve(stage).resolve(String.valueOf(num)), num);
  }

  private static JobState status(Path sweep, String stage, int num) {
    return job(sweep, stage, num).state();
  }

  private static void awaitEnd(Path sweep, String stage, List<Integer> nums) throws Exception {
    await(
        stage + " jobs " + nums + " to end",
        PATIENCE,
        () -> nums.stream().map(n -> status(sweep, stage, n)).toList(),
        states -> states.stream().allMatch(JobState::isTerminal));
  }

  private static void assertAfter(JobStatus later, JobStatus earlier) {
    assertFalse(
        later.start().isBefore(earlier.end()),
        "job " + later.num() + " started at " + later.start() + " before " + earlier.end());
  }
}
