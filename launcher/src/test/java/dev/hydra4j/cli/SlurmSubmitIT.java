package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.run.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Submitting on the real cluster when SLURM says no: a submit limit (the QOS hydra4j-limited that
 * scripts/slurm-local.sh sets up allows 3 queued jobs per user), Ctrl-C while the launch waits for
 * room under it, and settings SLURM refuses, all reported at once and with the scripts still shown
 * by --dry-run.
 */
class SlurmSubmitIT extends SlurmCliTest {

  private static final String LIMITED_QOS = "hydra4j-limited";
  private static final int LIMIT = 3;
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @BeforeEach
  void requireLimitedQos() throws Exception {
    String limit =
        command("sacctmgr", "-n", "-P", "show", "qos", LIMITED_QOS, "format=MaxSubmitPU").strip();
    assertEquals(
        String.valueOf(LIMIT),
        limit,
        "the QOS " + LIMITED_QOS + " is missing: run scripts/slurm-local.sh up");
  }

  private static int tasksIn(List<SubmissionLog.Array> arrays) {
    return arrays.stream()
        .filter(SubmissionLog.Array::submittedOk)
        .mapToInt(a -> a.jobs().size())
        .sum();
  }

  @Test
  void aSweepLargerThanTheSubmitLimitIsSubmittedAsEarlierJobsEnd() throws Exception {
    Path conf =
        project(
            "throttle",
            """
        x: 0
        hydra:
          launcher:
            qos: hydra4j-limited
            array_parallelism: 2
          job:
            command: [sleep, '2']
        """);
    CliRun run = sweep(conf, "x=range(0,7)", "--wait");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("SLURM's submit limit is reached (QOSMaxSubmitJobPerUserLimit)"),
        run.err());
    Path sweep = sweepDir(conf);
    List<SubmissionLog.Array> arrays = SubmissionLog.read(sweep).arrays();
    assertEquals(7, tasksIn(arrays), arrays.toString());
    assertTrue(
        arrays.stream().allMatch(a -> a.submittedOk() && a.jobs().size() <= LIMIT),
        arrays.toString());
    statuses(sweep, 7).forEach(s -> assertEquals(JobState.COMPLETED, s.state(), s.toString()));
  }

  @Test
  void ctrlCWhileWaitingForRoomSaysWhatWasAndWasNotSubmitted() throws Exception {
    Path conf =
        project(
            "interrupted",
            """
        x: 0
        hydra:
          launcher:
            qos: hydra4j-limited
          job:
            command: [sleep, '60']
        """);
    Path sweep = sweepDir(conf);
    Path err = root.resolve("interrupted.err");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hydra4j.cli.Main",
                "-cp",
                conf.toString(),
                "-m",
                "hydra.sweep.dir=" + sweep,
                "x=range(0,5)",
                "--wait")
            .redirectError(err.toFile())
            .redirectOutput(root.resolve("interrupted.out").toFile())
            .start();
    try {
      await(
          "the launch to wait for the limit",
          PATIENCE,
          () -> {
            try {
              return Files.exists(err) ? Files.readString(err) : "";
            } catch (java.io.IOException e) {
              throw new AssertionError(e);
            }
          },
          text -> text.contains("submit limit is reached"));
      new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        fail("the launch did not end after Ctrl-C");
      }
    } finally {
      p.destroyForcibly();
    }
    String said = Files.readString(err);
    System.out.println(said);
    assertEquals(130, p.exitValue(), said);
    assertTrue(said.contains("hydra4j: interrupted; 2 job(s) not submitted (jobs 3-4)"), said);
    assertTrue(
        said.matches("(?s).*submitted 3 jobs as SLURM arrays? [0-9, ]+ before the interruption.*"),
        said);
    List<SubmissionLog.Array> arrays = SubmissionLog.read(sweep).arrays();
    assertEquals(LIMIT, tasksIn(arrays), arrays.toString());
    SubmissionLog.Array notSent = arrays.get(arrays.size() - 1);
    assertFalse(notSent.submittedOk());
    assertEquals(List.of(3, 4), notSent.jobs());

    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(
        status.out().contains("2 job(s) were not submitted: the launch was interrupted"),
        status.out());
    List<String> rows =
        new ArrayList<>(status.out().lines().filter(l -> l.matches("\\s+[34]\\s+.*")).toList());
    assertEquals(2, rows.size(), status.out());
    // never submitted: not started, not PENDING in a queue
    rows.forEach(r -> assertTrue(r.matches("\\s+\\d\\s+not started\\s+-\\s+x=\\d"), r));
    CliRun kill = CliRun.of("kill", sweep.toString());
    assertEquals(0, kill.exitCode(), kill.err());
  }

  @Test
  void everySettingSlurmRefusesIsReportedAtOnceAndDryRunStillShowsTheScript() throws Exception {
    Path conf = project("refusals", "x: 0\nhydra:\n  job:\n    command: ['true']\n");
    String[] bad = {"hydra.launcher.partition=hydra4j-nosuch", "hydra.launcher.cpus_per_task=512"};
    for (String mode : new String[] {"--dry-run", "--wait"}) {
      CliRun run = sweep(conf, "x=0,1", bad[0], bad[1], mode);
      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().contains("SLURM would refuse 2 settings"), run.err());
      assertTrue(
          run.err()
              .contains(
                  "caused by hydra.launcher.partition=hydra4j-nosuch\n"
                      + "    at override '"
                      + bad[0]
                      + "'"),
          run.err());
      assertTrue(
          run.err()
              .contains(
                  "caused by hydra.launcher.cpus_per_task=512\n"
                      + "    at override '"
                      + bad[1]
                      + "'"),
          run.err());
      assertFalse(Files.exists(sweepDir(conf)), "nothing may be written");
      if (mode.equals("--dry-run")) {
        assertTrue(run.out().contains("#SBATCH --partition=hydra4j-nosuch\n"), run.out());
        assertTrue(run.out().contains("#SBATCH --cpus-per-task=512\n"), run.out());
      }
    }
  }
}
