package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StatusFile;
import dev.hydra4j.run.SweepJournal;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local sweep of many short jobs, its launcher killed with SIGKILL at a random moment, then
 * resumed, many times over: no job the launcher counted as done is lost or run again, and after the
 * resume every job has COMPLETED, each status file agrees with the journal and no temp file is
 * left. Each job appends its number to a marker file, so the test counts what really ran. {@code
 * -Dhydra4j.killTrials=100} runs more trials.
 */
class KillNineJournalIT {

  private static final int JOBS = 40;
  private static final Pattern COUNTED_DONE = Pattern.compile("job (\\d+) COMPLETED attempt");

  @TempDir Path temp;

  @Test
  void noCompletionIsLostOrRunTwiceAfterKillNine() throws Exception {
    int trials = Integer.getInteger("hydra4j.killTrials", 8);
    long seed = Long.getLong("hydra4j.killSeed", System.nanoTime());
    Random random = new Random(seed);
    System.out.println("KillNineJournalIT: " + trials + " trials, seed " + seed);
    int killedMidSweep = 0;
    try (Workspace ws = new Workspace(temp)) {
      ws.file("conf/config.yaml", "x: 0\n");
      for (int trial = 0; trial < trials; trial++) {
        Path sweep = ws.dir().resolve("sweeps/t" + trial);
        Workspace.Running running =
            ws.start(
                "-m",
                "x=range(0," + JOBS + ")",
                "hydra.sweep.dir=" + sweep,
                "hydra.launcher.n_jobs=2",
                "--",
                "sh",
                "-c",
                // A short sleep keeps the sweep going for a second or more on a quiet machine, so
                // that the kill lands mid-sweep.
                "echo $HYDRA4J_JOB_NUM >> \"$HYDRA4J_SWEEP_DIR/markers\"; sleep 0.05");
        Workspace.await(
            "the sweep started",
            () -> Files.exists(sweep.resolve(SweepJournal.NAME)) || !running.process().isAlive());
        Thread.sleep(random.nextInt(700));
        if (running.process().isAlive()) {
          Workspace.signal(running.process(), "KILL");
        }
        running.process().waitFor(30, TimeUnit.SECONDS);

        Set<Integer> countedDone = countedDone(sweep);
        SweepState before = state(sweep);
        Set<Integer> recorded = new TreeSet<>();
        before
            .statuses()
            .forEach(
                (num, s) -> {
                  if (s.state() == JobState.COMPLETED) {
                    recorded.add(num);
                  }
                });
        assertTrue(
            recorded.containsAll(countedDone),
            "trial "
                + trial
                + " (seed "
                + seed
                + "): the launcher counted done "
                + countedDone
                + " but the journal has "
                + recorded);
        if (recorded.size() < JOBS) {
          killedMidSweep++;
        }
        Map<Integer, Integer> ranBefore = markers(sweep);
        for (int num : recorded) {
          assertTrue(ranBefore.getOrDefault(num, 0) >= 1, "job " + num + " recorded, not run");
        }

        resume(ws, sweep);

        Map<Integer, Integer> ranAfter = markers(sweep);
        SweepState after = state(sweep);
        for (int num = 0; num < JOBS; num++) {
          assertEquals(JobState.COMPLETED, after.status(num).state(), "job " + num);
          assertEquals(
              after.status(num),
              StatusFile.read(sweep.resolve("" + num), num),
              "job " + num + "'s status.json copies the journal");
          assertTrue(ranAfter.getOrDefault(num, 0) >= 1, "job " + num + " never ran");
          if (recorded.contains(num)) {
            assertEquals(
                ranBefore.get(num),
                ranAfter.get(num),
                "trial " + trial + ": job " + num + " was recorded COMPLETED and ran again");
          }
        }
        try (Stream<Path> files = Files.walk(sweep)) {
          assertEquals(
              0,
              files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count(),
              "temp files left in " + sweep);
        }
      }
    }
    System.out.println(
        "KillNineJournalIT: " + killedMidSweep + " of " + trials + " kills landed mid-sweep");
    assertTrue(killedMidSweep > 0, "no kill landed mid-sweep (seed " + seed + ")");
  }

  private static void resume(Workspace ws, Path sweep) throws InterruptedException {
    for (int tries = 0; ; tries++) {
      Workspace.Result result = ws.run("resume", sweep.toString());
      // A job orphaned by the kill may still be finishing: resume refuses to run it twice.
      if (result.exitCode() == 2 && result.err().contains("still running") && tries < 50) {
        Thread.sleep(100);
        continue;
      }
      result.expect(0);
      return;
    }
  }

  private static SweepState state(Path sweep) throws IOException {
    Map<Integer, Path> dirs = new HashMap<>();
    for (int num = 0; num < JOBS; num++) {
      dirs.put(num, sweep.resolve("" + num));
    }
    return SweepState.read(sweep, dirs);
  }

  /** The jobs whose end the launcher logged: it counts a job done just before that. */
  private static Set<Integer> countedDone(Path sweep) throws IOException {
    Set<Integer> done = new TreeSet<>();
    Path log = sweep.resolve("launcher.log");
    if (Files.exists(log)) {
      Matcher m = COUNTED_DONE.matcher(Files.readString(log));
      while (m.find()) {
        done.add(Integer.parseInt(m.group(1)));
      }
    }
    return done;
  }

  private static Map<Integer, Integer> markers(Path sweep) throws IOException {
    Map<Integer, Integer> counts = new TreeMap<>();
    Path file = sweep.resolve("markers");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          counts.merge(Integer.parseInt(line.strip()), 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
