package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepStateTest {

  @TempDir Path sweep;

  @Test
  void readsTwoThousandJobsAndFindsWhatToResume() throws IOException {
    int total = 2000;
    JobState[] states = {
      JobState.COMPLETED, JobState.FAILED, JobState.RUNNING, JobState.INTERRUPTED
    };
    Set<Integer> expectedTodo = new TreeSet<>();
    for (int num = 0; num < total; num++) {
      Path dir =
          Files.createDirectories(sweep.resolve(Integer.toString(num)).resolve(".hydra"))
              .getParent();
      if (num % 10 == 9) {
        expectedTodo.add(num); // never started: no status file
        continue;
      }
      JobState state = states[num % states.length];
      // Unflushed: the test reads files back, it does not need them to survive a power cut.
      StatusFile.writeCopy(
          dir, new JobStatus(num, state, 0, Instant.now(), null, null, "h", 1L, 1, Map.of()));
      if (state != JobState.COMPLETED) {
        expectedTodo.add(num);
      }
      // a job's own outputs are not searched for status files
      Files.createDirectories(dir.resolve("checkpoints/9"));
    }
    Files.writeString(sweep.resolve("summary.json"), "{}");

    long t0 = System.nanoTime();
    SweepState state = SweepState.read(sweep);
    System.out.printf(
        "SweepState.read of %d jobs: %d ms%n", total, (System.nanoTime() - t0) / 1_000_000);

    assertEquals(1800, state.statuses().size());
    assertEquals(expectedTodo, state.notCompleted(total));
    assertEquals(200, state.counts(total).get(JobState.PENDING));
    assertEquals(500, state.counts(total).get(JobState.COMPLETED));
    assertEquals(sweep.resolve("17"), state.jobDir(17));
    assertTrue(state.unreadable().isEmpty());
  }

  @Test
  void findsNestedJobDirsAndReportsBadFiles() throws IOException {
    Path a = Files.createDirectories(sweep.resolve("model=resnet/50,lr=0.1"));
    Path b = Files.createDirectories(sweep.resolve("model=vit,lr=0.1"));
    Path c = Files.createDirectories(sweep.resolve("broken"));
    StatusFile.write(a, JobStatus.pending(0).ended(JobState.COMPLETED, 0, Instant.now()));
    StatusFile.write(b, JobStatus.pending(1).ended(JobState.FAILED, 2, Instant.now()));
    Files.writeString(StatusFile.path(c), "{oops");

    SweepState state = SweepState.read(sweep);

    assertEquals(a, state.jobDir(0));
    assertEquals(JobState.FAILED, state.status(1).state());
    assertEquals(Set.of(StatusFile.path(c)), state.unreadable().keySet());
    assertEquals(Set.of(1, 2), state.notCompleted(3));
  }

  @Test
  void runningJobWhoseProcessIsGoneIsAbandoned() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    JobStatus dead = JobStatus.running(0, 1, Instant.now(), Host.name(), gone.pid());
    JobStatus alive =
        JobStatus.running(
            1,
            1,
            ProcessHandle.current().info().startInstant().orElseThrow(),
            Host.name(),
            ProcessHandle.current().pid());
    JobStatus elsewhere = JobStatus.running(2, 1, Instant.now(), "other-host", gone.pid());

    assertTrue(SweepState.isAbandoned(dead));
    assertFalse(SweepState.isAbandoned(alive));
    assertFalse(SweepState.isAbandoned(elsewhere));
  }

  @Test
  void aJobWhoseProcessExitedIsRunningWhileAnotherProcessHoldsTheLaunch() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path dir = Files.createDirectories(sweep.resolve("0"));
    StatusFile.writeCopy(dir, JobStatus.running(0, 1, Instant.now(), Host.name(), gone.pid()));
    Path lock = sweep.resolve(LauncherLock.NAME);
    Files.createFile(lock);
    // A launcher in another process: it holds the sweep's lock (a POSIX record lock, as the
    // JVM takes it) and has yet to record how the job ended.
    Process launcher =
        new ProcessBuilder(
                "python3",
                "-c",
                "import fcntl, sys; f = open(sys.argv[1], 'w'); fcntl.lockf(f, fcntl.LOCK_EX);"
                    + " print('locked', flush=True); sys.stdin.read()",
                lock.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      assertEquals(
          "locked",
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))
              .readLine());
      assertTrue(LauncherLock.isHeld(sweep));
      assertEquals(JobState.RUNNING, SweepState.read(sweep).effective(0).state());
    } finally {
      launcher.getOutputStream().close();
      launcher.waitFor();
    }
    // The launcher is gone and never recorded the end: nothing will.
    assertFalse(LauncherLock.isHeld(sweep));
    assertEquals(JobState.INTERRUPTED, SweepState.read(sweep).effective(0).state());
  }
}
