package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLauncherTimeoutTest {

  @TempDir Path root;

  @Test
  void hangingJobAndItsChildAreKilledAsTimeout() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    // The shell waits on a child; SIGTERM to the shell alone would leave `sleep` running.
    String hang = "sleep 300 & echo $! > \"$1/child.pid\"; wait";
    List<dev.hydra4j.launch.JobSpec> jobs =
        List.of(
            sweep.shell(0, Duration.ofSeconds(3), hang, sweep.jobDir(0).toString()),
            sweep.shell(1, Duration.ofSeconds(60), "echo quick"));

    SweepResult result = new LocalLauncher(2).launch(jobs, sweep.options());

    assertEquals(1, result.exitCode());
    JobStatus timedOut = sweep.status(0);
    assertEquals(JobState.TIMEOUT, timedOut.state());
    assertEquals(128 + 15, timedOut.exitCode());
    long child = Long.parseLong(sweep.read(0, "child.pid").strip());
    SweepFixture.await("the job's child to die", () -> gone(child));
    assertEquals(JobState.COMPLETED, sweep.status(1).state());
    assertEquals("TIMEOUT", sweep.summary().get("failures").get(0).get("state").asText());
  }

  @Test
  void jobIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    // An ignored signal stays ignored across exec, so `sleep` ignores SIGTERM too.
    String stubborn = "trap '' TERM; sleep 300 & echo $! > \"$1/child.pid\"; wait";

    SweepResult result =
        new LocalLauncher(1)
            .launch(
                List.of(
                    sweep.shell(0, Duration.ofSeconds(3), stubborn, sweep.jobDir(0).toString())),
                sweep.options().withKillGrace(Duration.ofMillis(500)));

    assertEquals(1, result.exitCode());
    JobStatus status = sweep.status(0);
    assertEquals(JobState.TIMEOUT, status.state());
    assertEquals(128 + 9, status.exitCode());
    long child = Long.parseLong(sweep.read(0, "child.pid").strip());
    SweepFixture.await("the job's child to die", () -> gone(child));
    assertTrue(
        Files.readString(sweep.sweepDir.resolve("launcher.log"))
            .contains("job 0 TIMEOUT attempt 1"));
  }

  private static boolean gone(long pid) {
    try {
      return SweepFixture.isGone(pid);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
