package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.SweepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLauncherRetryTest {

  @TempDir Path root;

  /** Fails until it has been run {@code $2} times, counting runs in a file. */
  private static final String FLAKY =
      "n=$(cat \"$1/runs\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$1/runs\";"
          + " echo run $n; echo failed run $n >&2; [ $n -ge $2 ]";

  @Test
  void flakyJobSucceedsOnItsThirdAttemptAndKeepsEarlierLogs() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    JobSpec flaky = sweep.shell(0, FLAKY, sweep.sweepDir.toString(), "3");

    SweepResult result =
        new LocalLauncher(1).launch(List.of(flaky), sweep.options().withRetries(5));

    assertEquals(0, result.exitCode());
    JobStatus status = sweep.status(0);
    assertEquals(JobState.COMPLETED, status.state());
    assertEquals(3, status.attempt());
    assertEquals("run 3\n", sweep.read(0, "stdout.log"));
    assertEquals("run 1\n", sweep.read(0, "stdout.attempt1.log"));
    assertEquals("failed run 2\n", sweep.read(0, "stderr.attempt2.log"));
    assertTrue(sweep.read(0, "combined.attempt1.log").contains("[err] failed run 1"));
    String log = Files.readString(sweep.sweepDir.resolve("launcher.log"));
    assertTrue(log.contains("job 0: FAILED, retrying (attempt 2 of 6)"), log);
    assertTrue(log.contains("job 0: FAILED, retrying (attempt 3 of 6)"), log);
  }

  @Test
  void retriesRunOutAndResumeContinuesTheCount() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    JobSpec flaky = sweep.shell(0, FLAKY, sweep.sweepDir.toString(), "4");

    SweepResult first = new LocalLauncher(1).launch(List.of(flaky), sweep.options().withRetries(1));
    assertEquals(1, first.exitCode());
    assertEquals(2, sweep.status(0).attempt());
    assertEquals(JobState.FAILED, sweep.status(0).state());

    SweepState previous = SweepState.read(sweep.sweepDir);
    SweepResult resumed =
        new LocalLauncher(1)
            .launch(List.of(flaky), sweep.options().withRetries(1).withPrevious(previous));

    assertEquals(0, resumed.exitCode());
    assertEquals(4, sweep.status(0).attempt());
    assertEquals("run 4\n", sweep.read(0, "stdout.log"));
    assertEquals("run 3\n", sweep.read(0, "stdout.attempt3.log"));
    assertEquals("run 2\n", sweep.read(0, "stdout.attempt2.log"));
  }
}
