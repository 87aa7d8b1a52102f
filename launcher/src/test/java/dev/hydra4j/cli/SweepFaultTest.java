package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps that go wrong, end to end: hydra4j as a child JVM in a project directory, tasks as real
 * processes, faults as real exit codes, time limits and signals.
 */
@Timeout(120)
class SweepFaultTest {

  @TempDir Path temp;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(temp);
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  @Test
  void aFailingJobFailsAloneAndIsReported() {
    // Job 1 fails while jobs 0 and 2 are still running beside it.
    Workspace.Result run =
        ws.run(
            "-m",
            "seed=1,2,3",
            "hydra.launcher.n_jobs=3",
            "--",
            "sh",
            "-c",
            "if [ \"$0\" = 2 ]; then echo first >&2; echo 'boom: bad seed' >&2;"
                + " exit 1; fi; sleep 0.5",
            "${seed}");
    run.expect(1);
    Path sweep = ws.onlySweepDir();
    JsonNode summary = Workspace.json(sweep.resolve("summary.json"));
    assertEquals(1, summary.get("exit_code").asInt());
    assertEquals(2, summary.get("counts").get("COMPLETED").asInt(), summary.toString());
    assertEquals(1, summary.get("counts").get("FAILED").asInt(), summary.toString());
    assertEquals(List.of("COMPLETED", "FAILED", "COMPLETED"), states(summary));
    JsonNode failure = summary.get("failures").get(0);
    assertEquals(1, failure.get("num").asInt());
    assertEquals(1, failure.get("exit_code").asInt());
    assertEquals("[\"first\",\"boom: bad seed\"]", failure.get("stderr_tail").toString());
    assertEquals("FAILED", Workspace.json(sweep.resolve("1/status.json")).get("state").asText());
    assertTrue(run.err().contains("rerun --failed"), run.err());

    Workspace.Result status = ws.run("status", sweep.toString()).expect(0);
    assertTrue(
        status.out().contains("2 COMPLETED") && status.out().contains("1 FAILED"), status.out());
    assertTrue(
        status.out().lines().anyMatch(l -> l.matches("\\s*1\\s+FAILED\\s+1\\s.*seed=2.*")),
        status.out());
    assertTrue(status.out().contains("| boom: bad seed"), status.out());
  }

  @Test
  void aJobPastItsTimeLimitIsKilledWithWhatItStarted() {
    Workspace.Result run =
        ws.run(
            "-m",
            "seed=1,2",
            "hydra.launcher.timeout_min=0.02",
            "hydra.launcher.kill_grace_s=2",
            "--",
            "sh",
            "-c",
            "if [ \"$0\" = 2 ]; then sleep 300 & echo $! > \"$HYDRA4J_JOB_DIR/child.pid\"; wait;"
                + " fi",
            "${seed}");
    Path sweep = ws.onlySweepDir();
    long child = Long.parseLong(Workspace.read(sweep.resolve("1/child.pid")).trim());
    ws.stray(child);
    run.expect(1);
    JsonNode status = Workspace.json(sweep.resolve("1/status.json"));
    assertEquals("TIMEOUT", status.get("state").asText(), status.toString());
    assertEquals("COMPLETED", Workspace.json(sweep.resolve("0/status.json")).get("state").asText());
    Workspace.assertGone(status.get("pid").asLong(), "the job's shell");
    Workspace.assertGone(child, "the sleep the job started");
    JsonNode summary = Workspace.json(sweep.resolve("summary.json"));
    assertEquals("TIMEOUT", summary.get("failures").get(0).get("state").asText());
  }

  @Test
  void ctrlCStopsTheSweepAndResumeFinishesIt() {
    Workspace.Running running =
        ws.start(
            "-m",
            "seed=1,2,3,4,5,6",
            "hydra.launcher.n_jobs=2",
            "--",
            "sh",
            "-c",
            "sleep 1; echo $HYDRA4J_JOB_NUM >> done.txt");
    Workspace.await("two jobs running", () -> runningJobs().size() == 2);
    List<Long> pids = new ArrayList<>();
    for (Path job : runningJobs()) {
      pids.add(Workspace.json(job.resolve("status.json")).get("pid").asLong());
    }
    Workspace.signal(running.process(), "INT");
    Workspace.Result interrupted = running.await().expect(130);
    assertTrue(interrupted.err().contains("hydra4j resume"), interrupted.err());
    Path sweep = ws.onlySweepDir();
    JsonNode summary = Workspace.json(sweep.resolve("summary.json"));
    assertTrue(summary.get("interrupted").asBoolean());
    assertEquals(130, summary.get("exit_code").asInt());
    assertEquals(
        List.of("INTERRUPTED", "INTERRUPTED", "PENDING", "PENDING", "PENDING", "PENDING"),
        states(summary));
    for (long pid : pids) {
      Workspace.assertGone(pid, "an interrupted job");
    }
    assertFalse(Files.exists(ws.dir().resolve("done.txt")), "no job got to its end");

    ws.run("resume", sweep.toString()).expect(0);
    summary = Workspace.json(sweep.resolve("summary.json"));
    assertEquals(
        List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"),
        states(summary));
    assertEquals(List.of("0", "1", "2", "3", "4", "5"), sortedLines("done.txt"));
  }

  /**
   * The launcher is killed outright while jobs 2 and 3 hang: nothing records their end, but their
   * processes still run, so resume must not start them a second time until they are gone; then it
   * runs what did not complete, and no completed job runs again.
   */
  @Test
  void afterSigkillResumeRunsOnlyWhatDidNotComplete() {
    String task =
        "if [ $HYDRA4J_JOB_NUM -ge 2 ] && [ ! -e fast ]; then sleep 60; fi;"
            + " echo $HYDRA4J_JOB_NUM >> done.txt";
    Workspace.Running running =
        ws.start("-m", "seed=1,2,3,4,5,6", "hydra.launcher.n_jobs=2", "--", "sh", "-c", task);
    Workspace.await(
        "jobs 0, 1 completed and 2, 3 running",
        () ->
            runningJobs().size() == 2
                && stateOf(0).equals("COMPLETED")
                && stateOf(1).equals("COMPLETED"));
    List<Long> orphans = new ArrayList<>();
    for (Path job : runningJobs()) {
      long pid = Workspace.json(job.resolve("status.json")).get("pid").asLong();
      orphans.add(pid);
      ws.stray(pid);
    }
    Workspace.signal(running.process(), "KILL");
    running.await().expect(137);
    Path sweep = ws.onlySweepDir();

    Workspace.Result refused = ws.run("resume", sweep.toString()).expect(2);
    assertTrue(refused.err().contains("still running"), refused.err());
    assertTrue(refused.err().contains(String.valueOf(orphans.get(0))), refused.err());

    for (long pid : orphans) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
              });
      Workspace.assertGone(pid, "an orphaned job");
    }
    Workspace.Result status = ws.run("status", sweep.toString()).expect(0);
    assertTrue(status.out().contains("2 INTERRUPTED"), status.out());
    assertTrue(
        status.out().contains("jobs 2, 3 were recorded RUNNING, but their process is gone"),
        status.out());
    ws.file("fast", "");
    ws.run("resume", sweep.toString()).expect(0);
    JsonNode summary = Workspace.json(sweep.resolve("summary.json"));
    assertEquals(
        List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"),
        states(summary));
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5"),
        sortedLines("done.txt"),
        "each job's end reached once");
    assertEquals(
        1,
        Workspace.json(sweep.resolve("0/status.json")).get("attempt").asInt(),
        "a completed job is not run again");
  }

  /** A closed terminal or a plain `kill` must not orphan the jobs either. */
  @Test
  void sigtermStopsTheSweepLikeCtrlC() {
    Workspace.Running running =
        ws.start("-m", "seed=1,2,3", "hydra.launcher.n_jobs=2", "--", "sh", "-c", "sleep 30");
    Workspace.await("two jobs running", () -> runningJobs().size() == 2);
    List<Long> pids = new ArrayList<>();
    for (Path job : runningJobs()) {
      pids.add(Workspace.json(job.resolve("status.json")).get("pid").asLong());
    }
    Workspace.signal(running.process(), "TERM");
    running.await().expect(130);
    JsonNode summary = Workspace.json(ws.onlySweepDir().resolve("summary.json"));
    assertEquals(List.of("INTERRUPTED", "INTERRUPTED", "PENDING"), states(summary));
    for (long pid : pids) {
      Workspace.assertGone(pid, "a job of a sweep stopped by SIGTERM");
    }
  }

  @Test
  void ctrlCStopsASingleRun() {
    Workspace.Running running =
        ws.start(
            "hydra.launcher.kill_grace_s=1",
            "--",
            "sh",
            "-c",
            "trap '' TERM; echo started > \"$HYDRA4J_JOB_DIR/started\"; sleep 30");
    Workspace.await(
        "the run started",
        () ->
            Workspace.timestampedDirs(ws.dir().resolve("outputs")).stream()
                .anyMatch(
                    d ->
                        Files.exists(d.resolve("started"))
                            && Workspace.read(d.resolve("status.json")).contains("RUNNING")));
    Path dir = Workspace.timestampedDirs(ws.dir().resolve("outputs")).get(0);
    long pid = Workspace.json(dir.resolve("status.json")).get("pid").asLong();
    Workspace.signal(running.process(), "INT");
    running.await().expect(130);
    assertEquals("INTERRUPTED", Workspace.json(dir.resolve("status.json")).get("state").asText());
    Workspace.assertGone(pid, "a task that ignores SIGTERM, after the grace");
  }

  @Test
  void resumeRefusesASweepThatIsStillBeingRun() {
    Workspace.Running running =
        ws.start("-m", "seed=1,2,3", "--", "sh", "-c", "while [ ! -e go ]; do sleep 0.05; done");
    Workspace.await("a job running", () -> runningJobs().size() == 1);
    Path sweep = ws.onlySweepDir();
    Workspace.Result refused = ws.run("resume", sweep.toString()).expect(2);
    assertTrue(
        refused.err().contains("Another hydra4j process is running this sweep"), refused.err());
    ws.run("rerun", "--state", "PENDING", sweep.toString()).expect(2);
    Workspace.Result status = ws.run("status", sweep.toString()).expect(0);
    assertTrue(status.out().contains("RUNNING"), status.out());
    ws.file("go", "");
    running.await().expect(0);
    JsonNode summary = Workspace.json(sweep.resolve("summary.json"));
    assertEquals(List.of("COMPLETED", "COMPLETED", "COMPLETED"), states(summary));
  }

  private List<Path> runningJobs() {
    List<Path> out = new ArrayList<>();
    for (Path sweep : ws.sweepDirs()) {
      for (int num = 0; num < 10; num++) {
        Path status = sweep.resolve(num + "/status.json");
        if (Workspace.read(status).contains("\"RUNNING\"")) {
          out.add(status.getParent());
        }
      }
    }
    return out;
  }

  private String stateOf(int num) {
    String text = Workspace.read(ws.onlySweepDir().resolve(num + "/status.json"));
    return text.isEmpty()
        ? "PENDING"
        : Workspace.json(ws.onlySweepDir().resolve(num + "/status.json")).get("state").asText();
  }

  private List<String> sortedLines(String file) {
    return Workspace.read(ws.dir().resolve(file)).lines().sorted().toList();
  }

  private static List<String> states(JsonNode summary) {
    List<String> out = new ArrayList<>();
    summary.get("jobs").forEach(j -> out.add(j.get("state").asText()));
    return out;
  }
}
