package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.SweepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A launcher killed outright loses nothing: resume runs exactly the unfinished jobs. */
class LocalLauncherResumeTest {

  @TempDir Path root;

  @Test
  void resumeAfterSigkillRunsNoCompletedJobTwice() throws Exception {
    int total = 16;
    SweepFixture sweep = new SweepFixture(root);
    Path ledger = root.resolve("ledger.txt");
    // Every run of a job that gets to its end appends its number to the shared ledger.
    String job = "sleep 0.2; echo $JOB_NUM >> " + ledger;
    Process first =
        LauncherJvm.start(
            root.resolve("first.txt"),
            "--n-jobs",
            "2",
            sweep.sweepDir.toString(),
            Integer.toString(total),
            "--",
            "sh",
            "-c",
            job);
    SweepFixture.await("some completed jobs", () -> completed(sweep) >= 5);

    first.destroyForcibly();
    assertTrue(first.waitFor(60, TimeUnit.SECONDS));
    SweepState afterKill = SweepState.read(sweep.sweepDir);
    List<Integer> completedBefore =
        afterKill.statuses().values().stream()
            .filter(s -> s.state() == JobState.COMPLETED)
            .map(JobStatus::num)
            .toList();
    assertTrue(afterKill.notCompleted(total).size() > 0, "the sweep finished before the kill");

    Process second =
        LauncherJvm.start(
            root.resolve("second.txt"),
            "--n-jobs",
            "2",
            "--resume",
            sweep.sweepDir.toString(),
            Integer.toString(total),
            "--",
            "sh",
            "-c",
            job);
    assertTrue(second.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, second.exitValue(), Files.readString(root.resolve("second.txt")));
    // let jobs orphaned by the kill finish their append, so the ledger is final
    Thread.sleep(500);

    Map<Integer, Integer> runs = new TreeMap<>();
    for (String line : Files.readAllLines(ledger)) {
      runs.merge(Integer.parseInt(line.strip()), 1, Integer::sum);
    }
    for (int num = 0; num < total; num++) {
      assertTrue(runs.getOrDefault(num, 0) >= 1, "job " + num + " never ran to its end");
    }
    for (int num : completedBefore) {
      assertEquals(1, runs.get(num), "completed job " + num + " ran again");
    }
    SweepState end = SweepState.read(sweep.sweepDir);
    assertEquals(total, end.counts(total).get(JobState.COMPLETED));
    assertEquals(total, sweep.summary().get("counts").get("COMPLETED").asInt());
  }

  private static int completed(SweepFixture sweep) {
    try {
      return (int)
          SweepState.read(sweep.sweepDir).statuses().values().stream()
              .filter(s -> s.state() == JobState.COMPLETED)
              .count();
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
