package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SKIPPED is decided from the files alone: a job of a pipeline stage that never started, whose
 * upstream job ended without completing, reads SKIPPED to every reader, whichever launcher ran it.
 */
class UpstreamTest {

  @TempDir Path root;
  Path train;
  Path eval;
  Path aggregate;

  @BeforeEach
  void pipeline() throws IOException {
    train = stage("train", 3);
    eval = stage("eval", 3, new StageLinks.Link("train", "../train", true));
    aggregate = stage("aggregate", 1, new StageLinks.Link("eval", "../eval", false));
  }

  private Path stage(String name, int jobs, StageLinks.Link... links) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    StringBuilder plan = new StringBuilder("{\"jobs\": [");
    for (int i = 0; i < jobs; i++) {
      plan.append(i == 0 ? "" : ",")
          .append("{\"num\": ")
          .append(i)
          .append(", \"dir\": \"")
          .append(i)
          .append("\"}");
    }
    Files.writeString(dir.resolve(RunLayout.PLAN), plan.append("]}").toString());
    new StageLinks(name, List.of(links)).write(dir);
    return dir;
  }

  private static void ended(Path stage, int num, JobState state) throws IOException {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    JobStatus s =
        new JobStatus(
            num,
            state,
            state == JobState.COMPLETED ? 0 : 1,
            t,
            t.plusSeconds(5),
            null,
            "h",
            1L,
            1,
            Map.of());
    StatusFile.write(Files.createDirectories(stage.resolve(String.valueOf(num))), s);
  }

  private static JobStatus effective(Path stage, int jobs, int num) throws IOException {
    Map<Integer, Path> dirs = new TreeMap<>();
    for (int i = 0; i < jobs; i++) {
      dirs.put(i, stage.resolve(String.valueOf(i)));
    }
    return SweepState.read(stage, dirs).effective(num);
  }

  @Test
  void aJobWhoseUpstreamJobFailedIsSkippedAndTheOthersWait() throws IOException {
    ended(train, 0, JobState.COMPLETED);
    ended(train, 1, JobState.FAILED);
    Upstream up = Upstream.of(eval);
    assertEquals(Upstream.Readiness.READY, up.verdict(0).readiness());
    assertEquals(
        new Upstream.Verdict(Upstream.Readiness.BLOCKED, "train job 1 FAILED"), up.verdict(1));
    assertEquals(
        new Upstream.Verdict(Upstream.Readiness.WAITING, "train job 2 PENDING"), up.verdict(2));
    JobStatus skipped = effective(eval, 3, 1);
    assertEquals(JobState.SKIPPED, skipped.state());
    assertEquals("upstream train job 1 FAILED", skipped.error());
    assertEquals(JobState.PENDING, effective(eval, 3, 0).state());
    assertEquals(JobState.PENDING, effective(eval, 3, 2).state());
  }

  @Test
  void aWholeStageDependantIsSkippedByAnyUpstreamJobEvenASkippedOne() throws IOException {
    ended(train, 0, JobState.COMPLETED);
    ended(train, 1, JobState.OUT_OF_MEMORY);
    ended(train, 2, JobState.COMPLETED);
    ended(eval, 0, JobState.COMPLETED);
    ended(eval, 2, JobState.COMPLETED);
    // eval job 1 never ran: SKIPPED, and aggregate, which needs every eval job, with it.
    assertEquals(JobState.SKIPPED, effective(eval, 3, 1).state());
    JobStatus agg = effective(aggregate, 1, 0);
    assertEquals(JobState.SKIPPED, agg.state());
    assertEquals("upstream eval job 1 SKIPPED", agg.error());
  }

  @Test
  void aSchedulersCancellationOfAJobThatNeverStartedReadsSkippedButARunThatEndedKeepsItsState()
      throws IOException {
    ended(train, 0, JobState.TIMEOUT);
    ended(train, 1, JobState.FAILED);
    // SLURM ended eval job 0 for its failed dependency before it started (--kill-on-invalid-dep).
    StatusFile.write(
        Files.createDirectories(eval.resolve("0")),
        JobStatus.unstarted(0, JobState.CANCELLED, 0, Map.of()));
    assertEquals(JobState.SKIPPED, effective(eval, 3, 0).state());
    // eval job 1 did run (and failed on its own): its own end is the truth.
    ended(eval, 1, JobState.FAILED);
    assertEquals(JobState.FAILED, effective(eval, 3, 1).state());
  }

  @Test
  void everyUpstreamJobCompletedMakesTheWholeStageDependantReady() throws IOException {
    for (int i = 0; i < 3; i++) {
      ended(eval, i, JobState.COMPLETED);
    }
    assertEquals(Upstream.Readiness.READY, Upstream.of(aggregate).verdict(0).readiness());
    assertEquals(JobState.PENDING, effective(aggregate, 1, 0).state());
  }

  @Test
  void aSweepThatIsNoStageHasNoUpstream() throws IOException {
    Path plain = Files.createDirectories(root.resolve("plain"));
    assertEquals(true, Upstream.of(plain).isEmpty());
    assertEquals(Upstream.Readiness.READY, Upstream.of(plain).verdict(7).readiness());
    assertEquals(JobState.PENDING, effective(plain, 1, 0).state());
  }
}
