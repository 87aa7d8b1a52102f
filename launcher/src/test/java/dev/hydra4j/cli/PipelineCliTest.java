package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A train(4) → eval(4, one to one) → aggregate(1) pipeline on the local launcher, with real
 * processes: the order read from the jobs' own start and end times, the upstream directory reaching
 * the task, a failed train job making exactly its eval job and the aggregate SKIPPED, and {@code
 * rerun --failed} running it and then its dependants.
 */
class PipelineCliTest {

  @TempDir Path root;
  Path conf;
  Path pipeline;
  Path sweep;
  Path failMarker;

  /** Train writes model.txt (fails for seed 2 while the marker exists); eval reads it. */
  static final String PIPELINE =
      """
      stages:
        train:
          overrides: ["seed=range(4)"]
          command: [bash, -c, 'if [ "$1" = 2 ] && [ -e "$2" ]; then echo diverged >&2; exit 1; fi; sleep 0.2; echo "model $1" > "$HYDRA4J_JOB_DIR/model.txt"', train, "${seed}", "${fail_marker}"]
        eval:
          depends_on: {train: each}
          overrides: ["seed=range(4)"]
          command: [bash, -c, 'cat "$1/model.txt" > "$HYDRA4J_JOB_DIR/seen.txt"', eval, "${hydra:upstream.train.output_dir}"]
        aggregate:
          depends_on: eval
          command: [bash, -c, 'cat "$1"/*/seen.txt > "$HYDRA4J_JOB_DIR/all.txt"', aggregate, "${hydra:upstream.eval.output_dir}"]
      """;

  @BeforeEach
  void project() throws IOException {
    conf = Files.createDirectories(root.resolve("conf"));
    failMarker = root.resolve("FAIL");
    Files.writeString(conf.resolve("config.yaml"), "seed: 0\nfail_marker: " + failMarker + "\n");
    pipeline = root.resolve("pipeline.yaml");
    Files.writeString(pipeline, PIPELINE);
    sweep = root.resolve("sweep");
  }

  private CliRun run(String... extra) {
    String[] args = new String[extra.length + 6];
    args[0] = "-cp";
    args[1] = conf.toString();
    args[2] = "-m";
    args[3] = "--pipeline";
    args[4] = pipeline.toString();
    args[5] = "hydra.sweep.dir=" + sweep;
    System.arraycopy(extra, 0, args, 6, extra.length);
    return CliRun.of(args);
  }

  private JobStatus status(String stage, int num) {
    return StatusFile.read(sweep.resolve(stage).resolve(String.valueOf(num)), num);
  }

  private void assertAfter(JobStatus later, JobStatus earlier) {
    assertFalse(
        later.start().isBefore(earlier.end()),
        "job " + later.num() + " started at " + later.start() + " before " + earlier.end());
  }

  @Test
  void stagesRunInOrderAndAFailedTrainJobSkipsExactlyItsDependants() throws IOException {
    Files.writeString(failMarker, "");
    CliRun first = run("hydra.launcher.n_jobs=4");
    assertEquals(1, first.exitCode(), first.err());
    for (int i = 0; i < 4; i++) {
      JobState train = status("train", i).state();
      JobState eval = status("eval", i).state();
      assertEquals(i == 2 ? JobState.FAILED : JobState.COMPLETED, train);
      assertEquals(i == 2 ? JobState.SKIPPED : JobState.COMPLETED, eval);
      if (i != 2) {
        assertAfter(status("eval", i), status("train", i));
        assertEquals(
            "model " + i + "\n",
            Files.readString(sweep.resolve("eval/" + i + "/seen.txt")),
            "eval job i reads train job i's directory");
      }
    }
    assertEquals(JobState.SKIPPED, status("aggregate", 0).state());
    assertFalse(Files.exists(sweep.resolve("eval/2/seen.txt")), "a SKIPPED job never ran");
    assertTrue(first.err().contains("eval: 3 COMPLETED, 1 SKIPPED"), first.err());

    CliRun report = CliRun.of("status", sweep.toString());
    assertEquals(0, report.exitCode(), report.err());
    assertTrue(report.out().contains("pipeline "), report.out());
    assertTrue(report.out().contains("== stage eval"), report.out());
    assertTrue(report.out().contains("job 2 SKIPPED: upstream train job 2 FAILED"), report.out());
    assertTrue(report.out().contains("job 0 SKIPPED: upstream eval job 2 SKIPPED"), report.out());
    CliRun whole = CliRun.of("collect", sweep.toString());
    assertEquals(2, whole.exitCode(), whole.err());
    assertTrue(whole.err().contains("is a pipeline: each of its stages is a sweep"), whole.err());
    CliRun collected = CliRun.of("collect", sweep.resolve("eval").toString());
    assertEquals(0, collected.exitCode(), collected.err());
    assertTrue(collected.out().contains("SKIPPED"), collected.out());
    CliRun stage = CliRun.of("status", sweep.resolve("eval").toString());
    assertTrue(stage.out().contains("jobs    4 (3 COMPLETED, 1 SKIPPED)"), stage.out());

    Files.delete(failMarker);
    CliRun rerun = CliRun.of("rerun", "--failed", sweep.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    assertEquals(JobState.COMPLETED, status("train", 2).state());
    assertEquals(JobState.COMPLETED, status("eval", 2).state());
    assertAfter(status("eval", 2), status("train", 2));
    JobStatus aggregate = status("aggregate", 0);
    assertEquals(JobState.COMPLETED, aggregate.state());
    for (int i = 0; i < 4; i++) {
      assertAfter(aggregate, status("eval", i));
    }
    assertEquals(
        "model 0\nmodel 1\nmodel 2\nmodel 3\n",
        Files.readString(sweep.resolve("aggregate/0/all.txt")));
    assertEquals(1, status("train", 0).attempt(), "a completed job is not run again");
  }

  @Test
  void resumeOnThePipelineRunsWhatDidNotCompleteStageByStage() throws IOException {
    Files.writeString(failMarker, "");
    assertEquals(1, run().exitCode());
    Files.delete(failMarker);
    CliRun resume = CliRun.of("resume", sweep.toString());
    assertEquals(0, resume.exitCode(), resume.err());
    assertTrue(resume.err().contains("aggregate: 1 COMPLETED"), resume.err());
    assertAfter(status("eval", 2), status("train", 2));
    assertEquals(
        "model 0\nmodel 1\nmodel 2\nmodel 3\n",
        Files.readString(sweep.resolve("aggregate/0/all.txt")));
  }

  @Test
  void aOneToOneStageOfAnotherSizeIsRefusedAtItsLineAndNothingIsWritten() throws IOException {
    Files.writeString(
        pipeline,
        PIPELINE.replace(
            "overrides: [\"seed=range(4)\"]\n    command: [bash, -c, 'cat",
            "overrides: [\"seed=range(3)\"]\n    command: [bash, -c, 'cat"));
    CliRun run = run();
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("in stage 'eval' (" + pipeline), run.err());
    assertTrue(run.err().contains("has 3 jobs to train's 4"), run.err());
    assertTrue(run.err().contains("at " + pipeline + ":6:"), run.err());
    assertFalse(Files.exists(sweep), "nothing is written");
  }

  @Test
  void stagesOnDifferentLaunchersAreRefused() throws IOException {
    Files.writeString(
        pipeline,
        PIPELINE.replace(
            "depends_on: eval\n", "depends_on: eval\n    overrides: [hydra/launcher=slurm]\n"));
    CliRun run = run();
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("runs on the slurm launcher, stage 'train' on local"), run.err());
    assertFalse(Files.exists(sweep));
  }

  @Test
  void aDryRunShowsTheStagesAndTheirDependenciesAndWritesNothing() {
    CliRun run = run("--dry-run");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().contains("pipeline of 3 stages, 9 jobs, on the local launcher"), run.out());
    assertTrue(
        run.out()
            .contains("eval             4 jobs  after each job of train (job i after train job i)"),
        run.out());
    assertTrue(run.out().contains("aggregate        1 job   after all of eval"), run.out());
    assertFalse(Files.exists(sweep));
  }
}
