package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.launch.FailurePolicy;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLauncherFailuresTest {

  @TempDir Path root;

  @Test
  void oneFailingJobIsReportedAndTheOthersComplete() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    List<JobSpec> jobs =
        sweep.shells(
            6, "echo job $1; if [ $1 = 2 ]; then echo line1 >&2; echo boom >&2; exit 3; fi");

    SweepResult result = new LocalLauncher(2).launch(jobs, sweep.options());

    assertEquals(SweepResult.EXIT_FAILED, result.exitCode());
    assertEquals(5, result.counts().get(JobState.COMPLETED));
    assertEquals(1, result.counts().get(JobState.FAILED));
    JobStatus failed = sweep.status(2);
    assertEquals(JobState.FAILED, failed.state());
    assertEquals(3, failed.exitCode());
    assertEquals(1, failed.attempt());
    assertTrue(failed.pid() != null && failed.host() != null && failed.duration() != null);

    JsonNode summary = sweep.summary();
    assertEquals(1, summary.get("exit_code").asInt());
    assertEquals(6, summary.get("total").asInt());
    assertEquals(5, summary.get("counts").get("COMPLETED").asInt());
    assertEquals(6, summary.get("jobs").size());
    JsonNode failure = summary.get("failures").get(0);
    assertEquals(2, failure.get("num").asInt());
    assertEquals(3, failure.get("exit_code").asInt());
    assertEquals("[\"line1\",\"boom\"]", failure.get("stderr_tail").toString());
    assertEquals(1, summary.get("failures").size());
    String log = Files.readString(sweep.sweepDir.resolve("launcher.log"));
    assertTrue(log.contains("job 2 FAILED attempt 1"), log);
  }

  @Test
  void failFastStartsNothingAfterTheFirstFailure() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    List<JobSpec> jobs = sweep.shells(5, "[ $1 != 1 ]");

    SweepResult result =
        new LocalLauncher(1)
            .launch(jobs, sweep.options().withFailurePolicy(FailurePolicy.failFast()));

    assertEquals(1, result.exitCode());
    assertEquals(
        List.of(
            JobState.COMPLETED,
            JobState.FAILED,
            JobState.PENDING,
            JobState.PENDING,
            JobState.PENDING),
        states(result));
    for (int num = 2; num < 5; num++) {
      assertFalse(Files.exists(StatusFile.path(sweep.jobDir(num))), "job " + num + " started");
    }
    assertEquals(3, sweep.summary().get("counts").get("PENDING").asInt());
  }

  @Test
  void maxFailuresStopsAtTheLimitAndKeepGoingRunsEverything() throws Exception {
    SweepFixture limited = new SweepFixture(root.resolve("limited"));
    SweepResult stopped =
        new LocalLauncher(1)
            .launch(
                limited.shells(6, "[ $1 -ge 4 ]"),
                limited.options().withFailurePolicy(FailurePolicy.maxFailures(2)));
    assertEquals(
        List.of(
            JobState.FAILED,
            JobState.FAILED,
            JobState.PENDING,
            JobState.PENDING,
            JobState.PENDING,
            JobState.PENDING),
        states(stopped));

    SweepFixture all = new SweepFixture(root.resolve("all"));
    SweepResult finished =
        new LocalLauncher(3)
            .launch(
                all.shells(6, "[ $1 -ge 4 ]"),
                all.options().withFailurePolicy(FailurePolicy.keepGoing()));
    assertEquals(
        List.of(
            JobState.FAILED,
            JobState.FAILED,
            JobState.FAILED,
            JobState.FAILED,
            JobState.COMPLETED,
            JobState.COMPLETED),
        states(finished));
    assertEquals(4, finished.counts().get(JobState.FAILED));
  }

  @Test
  void missingCommandFailsWithAClearMessageAndIsNotRetried() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    JobSpec missing =
        new JobSpec(
            0,
            sweep.jobDir(0),
            List.of("hydra4j-no-such-command", "x"),
            Map.of(),
            sweep.sweepDir,
            null);
    JobSpec noWorkDir =
        new JobSpec(
            1, sweep.jobDir(1), List.of("true"), Map.of(), root.resolve("no/such/dir"), null);

    SweepResult result =
        new LocalLauncher(2).launch(List.of(missing, noWorkDir), sweep.options().withRetries(2));

    assertEquals(1, result.exitCode());
    for (int num = 0; num < 2; num++) {
      JobStatus status = sweep.status(num);
      assertEquals(JobState.FAILED, status.state());
      assertNull(status.exitCode());
      assertNull(status.pid());
      assertEquals(1, status.attempt());
      assertTrue(sweep.read(num, "stderr.log").contains(status.error()), status.error());
      assertTrue(sweep.read(num, "combined.log").contains("[hydra4j] "));
    }
    assertTrue(sweep.status(0).error().contains("hydra4j-no-such-command"));
    assertTrue(sweep.status(0).error().contains("No such file or directory"));
    assertTrue(sweep.status(1).error().contains(root.resolve("no/such/dir").toString()));
    assertTrue(
        sweep
            .summary()
            .get("failures")
            .get(0)
            .get("error")
            .asText()
            .contains("hydra4j-no-such-command"));
  }

  @Test
  void emptySweepSucceeds() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    SweepResult result = new LocalLauncher(4).launch(List.of(), sweep.options());
    assertEquals(0, result.exitCode());
    assertEquals(0, sweep.summary().get("total").asInt());
  }

  private static List<JobState> states(SweepResult result) {
    return result.jobs().stream().map(JobStatus::state).toList();
  }
}
