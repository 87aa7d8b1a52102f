package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLauncherInterruptTest {

  @TempDir Path root;

  /** Each job starts a child and waits on it; its pid goes to child.pid in the job dir. */
  private static final String HANG = "sleep 300 & echo $! > \"$JOB_NUM.child\"; wait";

  @Test
  void sigintStopsRunningJobsWritesTheSummaryAndExits130() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    Process jvm =
        LauncherJvm.start(
            root.resolve("out.txt"),
            "--n-jobs",
            "2",
            "--grace-ms",
            "5000",
            sweep.sweepDir.toString(),
            "6",
            "--",
            "sh",
            "-c",
            HANG);
    SweepFixture.await("two running jobs", () -> running(sweep, 0) && running(sweep, 1));

    LauncherJvm.signal(jvm, "INT");

    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "launcher did not stop");
    assertEquals(130, jvm.exitValue(), Files.readString(root.resolve("out.txt")));
    for (int num = 0; num < 2; num++) {
      assertEquals(JobState.INTERRUPTED, sweep.status(num).state());
      long child = Long.parseLong(Files.readString(sweep.sweepDir.resolve(num + ".child")).strip());
      assertTrue(SweepFixture.isGone(child), "child of job " + num + " still running");
    }
    for (int num = 2; num < 6; num++) {
      assertFalse(Files.exists(StatusFile.path(sweep.jobDir(num))), "job " + num + " started");
    }
    JsonNode summary = sweep.summary();
    assertEquals(130, summary.get("exit_code").asInt());
    assertTrue(summary.get("interrupted").asBoolean());
    assertEquals(2, summary.get("counts").get("INTERRUPTED").asInt());
    assertEquals(4, summary.get("counts").get("PENDING").asInt());
    assertTrue(Files.readString(sweep.sweepDir.resolve("launcher.log")).contains("stop requested"));
  }

  @Test
  void secondSigintKillsAtOnce() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    // Jobs that ignore SIGTERM, with a grace period far longer than the test's patience.
    Process jvm =
        LauncherJvm.start(
            root.resolve("out.txt"),
            "--n-jobs",
            "1",
            "--grace-ms",
            "600000",
            sweep.sweepDir.toString(),
            "2",
            "--",
            "sh",
            "-c",
            "trap '' TERM; " + HANG);
    SweepFixture.await("a running job", () -> running(sweep, 0));
    SweepFixture.await("its child", () -> Files.exists(sweep.sweepDir.resolve("0.child")));

    LauncherJvm.signal(jvm, "INT");
    SweepFixture.await("the stop to be logged", () -> logContains(sweep, "stop requested"));
    assertFalse(jvm.waitFor(1, TimeUnit.SECONDS), "SIGTERM-proof job stopped on SIGTERM");
    LauncherJvm.signal(jvm, "INT");

    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "second SIGINT did not kill the job");
    assertEquals(130, jvm.exitValue());
    assertEquals(JobState.INTERRUPTED, sweep.status(0).state());
    assertEquals(128 + 9, sweep.status(0).exitCode());
    long child = Long.parseLong(Files.readString(sweep.sweepDir.resolve("0.child")).strip());
    SweepFixture.await(
        "the child to die",
        () -> {
          try {
            return SweepFixture.isGone(child);
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** In-process stop: a job that exits 0 on SIGTERM did not complete its work. */
  @Test
  void stopRequestMarksGracefullyExitingJobsInterrupted() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    var options = sweep.options().withKillGrace(Duration.ofSeconds(30));
    var jobs =
        List.of(
            sweep.shell(0, "trap 'exit 0' TERM; sleep 300 & wait"), sweep.shell(1, "echo never"));

    CompletableFuture<SweepResult> launch =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new LocalLauncher(1).launch(jobs, options);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    SweepFixture.await("a running job", () -> running(sweep, 0));
    options.stop().request();

    SweepResult result = launch.get(60, TimeUnit.SECONDS);
    assertEquals(130, result.exitCode());
    assertTrue(result.interrupted());
    assertEquals(JobState.INTERRUPTED, sweep.status(0).state());
    assertEquals(0, sweep.status(0).exitCode());
    assertEquals(JobState.PENDING, result.jobs().get(1).state());
  }

  private static boolean running(SweepFixture sweep, int num) {
    try {
      return Files.exists(StatusFile.path(sweep.jobDir(num)))
          && sweep.status(num).state() == JobState.RUNNING;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean logContains(SweepFixture sweep, String text) {
    try {
      return Files.readString(sweep.sweepDir.resolve("launcher.log")).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
