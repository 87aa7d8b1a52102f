package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.results.FabricatedSweep;
import dev.hydra4j.run.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {

  @TempDir Path tmp;

  @Test
  void watchesUntilEveryJobHasEndedAndReportsFailuresAsTheyHappen() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("sweep"));
    s.job(0, "COMPLETED", "{}", "lr=0.1");
    Path running = s.job(1, "RUNNING", null, "lr=0.2");
    Path pending = s.job(2, null, null, "lr=0.3");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream sink =
        new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
    CompletableFuture<Integer> monitor =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    sink,
                    System.err,
                    "monitor",
                    s.dir().toString(),
                    "--interval",
                    "0.05",
                    "--plain"));
    // The jobs change only once the monitor has reported them unfinished.
    while (!seen(bytes, "1/3 done") && !monitor.isDone()) {
      Thread.sleep(20);
    }
    Files.writeString(running.resolve("stderr.log"), "epoch 3\nValueError: nan loss\n");
    FabricatedSweep.status(running, 1, "FAILED");
    FabricatedSweep.status(pending, 2, "COMPLETED");
    int code = monitor.get(60, TimeUnit.SECONDS);
    CliRun run = new CliRun(code, seenText(bytes), "");
    assertEquals(1, run.exitCode(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("hydra4j: watching " + s.dir() + " (3 jobs)"), out);
    assertTrue(out.contains("1/3 done: 1 PENDING, 1 RUNNING, 1 COMPLETED"), out);
    assertTrue(
        out.contains("  job 1 FAILED exit 1  0:02  on ws1 | epoch 3 | ValueError: nan" + " loss\n"),
        out);
    assertTrue(out.contains("3/3 done: 2 COMPLETED, 1 FAILED"), out);
    assertTrue(
        out.endsWith(
            "hydra4j: every job has ended (3 jobs: 2 COMPLETED, 1 FAILED);"
                + " results: hydra4j collect "
                + s.dir()
                + "\n"),
        out);
  }

  private static boolean seen(java.io.ByteArrayOutputStream bytes, String text) {
    return seenText(bytes).contains(text);
  }

  private static String seenText(java.io.ByteArrayOutputStream bytes) {
    synchronized (bytes) {
      return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aJobWhoseProcessIsGoneCountsAsInterrupted() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("sweep"));
    Path job = s.job(0, "COMPLETED", "{}", "lr=0.1");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(
        job.resolve("status.json"),
        "{\"num\":0,\"state\":\"RUNNING\","
            + "\"attempt\":1,\"start\":\"2026-01-31T12:00:00Z\",\"host\":\""
            + Host.name()
            + "\",\"pid\":"
            + gone.pid()
            + "}\n");
    CliRun run = CliRun.of("monitor", s.dir().toString(), "--interval", "0.05", "--plain");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .contains("job 0 INTERRUPTED (its process is gone; hydra4j resume runs" + " it again)"),
        run.out());
  }

  @Test
  void watchesARealSweep() throws Exception {
    // The sweep runs in a process of its own, as it does for a user: a job whose process has
    // exited is RUNNING until that launcher records its end, never INTERRUPTED meanwhile.
    Workspace ws = new Workspace(tmp);
    Path sweep = ws.dir().resolve("multirun/s");
    Workspace.Running launch =
        ws.start(
            "-m",
            "seed=1,2,3",
            "hydra.sweep.dir=" + sweep,
            "--",
            "sh",
            "-c",
            "echo working; sleep 1; test $HYDRA4J_JOB_NUM != 2");
    while (!Files.exists(sweep.resolve("plan.json")) && launch.process().isAlive()) {
      Thread.sleep(20);
    }
    CliRun run = CliRun.of("monitor", sweep.toString(), "--interval", "0.05", "--plain");
    assertEquals(1, launch.await().exitCode());
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains("job 2 FAILED exit 1"), run.out());
    assertTrue(run.out().contains("(3 jobs: 2 COMPLETED, 1 FAILED)"), run.out());
    assertFalse(run.out().contains("INTERRUPTED"), run.out());
  }

  @Test
  void aMissingSweepIsExitTwo() {
    CliRun run = CliRun.of("monitor", tmp.resolve("nope").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("does not exist"), run.err());
    assertEquals(2, CliRun.of("monitor", tmp.toString(), "--interval", "0").exitCode());
  }
}
