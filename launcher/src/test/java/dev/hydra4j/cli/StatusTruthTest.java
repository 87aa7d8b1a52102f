package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.Host;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} and {@code collect} read one truth, wherever the jobs' directories are. */
@Timeout(120)
class StatusTruthTest {

  @TempDir Path temp;

  private Path conf() throws IOException {
    Path conf = Files.createDirectories(temp.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), "x: 0\n");
    return conf;
  }

  @Test
  void jobsInHiddenOrDeepDirectoriesShowAsCompleted() throws IOException {
    Path sweep = temp.resolve("sweep");
    CliRun run =
        CliRun.of(
            "-cp",
            conf().toString(),
            "-m",
            "hydra.sweep.dir=" + sweep,
            "hydra.sweep.subdir=${x}",
            "x=.hidden,a/b/c/d/e/f/g/h/i/j",
            "--",
            "true");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.exists(sweep.resolve("a/b/c/d/e/f/g/h/i/j/status.json")));

    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    2 (2 COMPLETED)"), status.out());
    CliRun collect = CliRun.of("collect", sweep.toString(), "--format", "csv");
    assertEquals(0, collect.exitCode(), collect.err());
    assertEquals(2, collect.out().split("COMPLETED", -1).length - 1, collect.out());
  }

  /**
   * After a kill -9 a status file may still say RUNNING while the journal recorded the end: status
   * and collect both show the journal's COMPLETED.
   */
  @Test
  void statusAndCollectReadTheJournalNotAStaleStatusFile() throws Exception {
    Path sweep = temp.resolve("sweep");
    CliRun run =
        CliRun.of(
            "-cp", conf().toString(), "-m", "hydra.sweep.dir=" + sweep, "x=1,2", "--", "true");
    assertEquals(0, run.exitCode(), run.err());
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    StatusFile.write(
        sweep.resolve("0"), JobStatus.running(0, 1, Instant.now(), Host.name(), gone.pid()));

    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    2 (2 COMPLETED)"), status.out());
    assertFalse(status.out().contains("INTERRUPTED"), status.out());
    CliRun collect = CliRun.of("collect", sweep.toString(), "--format", "csv");
    assertEquals(2, collect.out().split("COMPLETED", -1).length - 1, collect.out());
    assertFalse(collect.out().contains("INTERRUPTED"), collect.out());
  }

  /**
   * The sweep directory becomes unwritable mid-sweep (made immutable, which binds root too): no
   * more jobs start, the finished ones are recorded (none left RUNNING), the exit code is 3 and the
   * message names the resume command, which finishes the sweep.
   */
  @Test
  void aSweepDirectoryMadeUnwritableStopsTheSweepWithExitCodeThree() throws Exception {
    Path sweep = temp.resolve("sweep");
    try {
      CliRun run =
          CliRun.of(
              "-cp",
              conf().toString(),
              "-m",
              "hydra.sweep.dir=" + sweep,
              "x=range(0,8)",
              "hydra.launcher.n_jobs=1",
              "--",
              "sh",
              "-c",
              "if [ $HYDRA4J_JOB_NUM = 3 ]; then chattr +i \"$HYDRA4J_SWEEP_DIR\"; fi");
      assertEquals(3, run.exitCode(), run.err());
      assertTrue(run.err().contains("continue with: hydra4j resume"), run.err());
      assertTrue(run.err().contains("cannot write the sweep's files"), run.err());

      CliRun status = CliRun.of("status", sweep.toString());
      assertTrue(status.out().contains("jobs    8 (4 COMPLETED, 4 not started)"), status.out());
    } finally {
      new ProcessBuilder("chattr", "-i", sweep.toString()).inheritIO().start().waitFor();
    }
    CliRun resume = CliRun.of("resume", sweep.toString());
    assertEquals(0, resume.exitCode(), resume.err());
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    8 (8 COMPLETED)"), status.out());
  }

  @Test
  void aSweepStoppedWhileItWasBeingCreatedSaysSo() throws IOException {
    Path sweep = Files.createDirectories(temp.resolve("sweep"));
    Files.createFile(sweep.resolve(".hydra4j.lock"));
    Files.writeString(sweep.resolve("multirun.yaml"), "x: 0\n");
    for (String command : new String[] {"status", "resume"}) {
      CliRun result = CliRun.of(command, sweep.toString());
      assertEquals(2, result.exitCode(), command);
      assertTrue(
          result
              .err()
              .contains(
                  "was stopped while it was being created, before any job"
                      + " started: it has no plan.json, and nothing ran"),
          result.err());
      assertTrue(result.err().contains("start the sweep again"), result.err());
    }
  }
}
