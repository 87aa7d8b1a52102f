package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.SweepJournal;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect} reads a large sweep's files on several threads; what it shows must be what
 * reading each job's files one after another shows, on a sweep whose files disagree with its plan
 * in every way a real one can.
 */
class JobReadsTest {

  @TempDir Path tmp;

  @Test
  void readingOnThreadsShowsWhatReadingJobByJobShows() throws IOException {
    Path dir = tmp.resolve("sweep");
    FabricatedSweep sweep = FabricatedSweep.in(dir).rules("- regex: 'score: (?<score>[0-9.]+)'\n");
    int total = JobReads.PARALLEL_FROM + 45;
    for (int num = 0; num < total; num++) {
      fabricate(sweep, num);
    }
    // resumed: job 2 failed, its second attempt completed, recorded in the journal only
    try (SweepJournal journal = SweepJournal.open(dir)) {
      Instant start = Instant.parse("2026-01-31T13:00:00Z");
      for (int num = 2; num < total; num += 8) {
        journal.append(
            JobStatus.running(num, 2, start, "ws1", 7000 + num)
                .ended(JobState.COMPLETED, 0, start.plusMillis(1234 + num)),
            dir.resolve(String.valueOf(num)));
      }
    }

    Harvester harvester = new Harvester();
    RecordedRun run = RecordedRun.open(dir);
    RunResults oneByOne = RunResults.of(run, JobReads.rows(run, harvester));
    RunResults onThreads = JobReads.results(dir, harvester);

    assertEquals(oneByOne.rows(), onThreads.rows());
    assertEquals(oneByOne.problemsByMessage(), onThreads.problemsByMessage());
    assertEquals(oneByOne.ruleSources(), onThreads.ruleSources());
    for (ResultsTable.Options options :
        List.of(
            ResultsTable.Options.DEFAULT,
            new ResultsTable.Options(true, "-acc", "status == 'COMPLETED'", List.of()))) {
      for (ResultsFormat format : ResultsFormat.values()) {
        assertEquals(
            format.render(ResultsTable.of(oneByOne, options), 0),
            format.render(ResultsTable.of(onThreads, options), 0),
            format + " " + options);
      }
    }

    // and what they show is each job's own story
    assertEquals(total, onThreads.rows().size());
    assertEquals("not started", onThreads.row(4).stateLabel());
    assertEquals(0.3, onThreads.row(3).params().get("lr"), "the plan's overrides, not the file's");
    assertEquals(JobState.COMPLETED, onThreads.row(2).state());
    assertEquals(2, onThreads.row(2).status().attempt());
    assertEquals(0.25, onThreads.row(5).metrics().get("loss"), "the curve's last point");
    assertEquals(0.1, onThreads.row(1).metrics().get("score"));
    assertEquals(0.5, onThreads.row(7).metrics().get("loss"), "the job's own rules");
    assertTrue(
        onThreads.row(10).problems().get(0).startsWith("metrics.json is not valid JSON"),
        onThreads.row(10).problems().toString());
  }

  /** Job {@code num}: one of eight kinds of job, by {@code num % 8}. */
  private static void fabricate(FabricatedSweep sweep, int num) throws IOException {
    String lr = "lr=0." + (num % 10);
    String seed = "seed=" + (num % 3);
    switch (num % 8) {
      case 0 -> sweep.job(num, "COMPLETED", "{\"acc\": " + num + ", \"v\": {\"f1\": 0.5}}", lr);
      case 1 -> {
        Path job = sweep.job(num, "COMPLETED", null, lr, seed);
        Files.writeString(job.resolve("stdout.log"), "score: 0." + num % 10 + "\n");
      }
      case 2 -> sweep.job(num, "FAILED", "{\"acc\": ", lr, seed); // damaged; then resumed
      case 3 -> {
        Path job = sweep.job(num, "COMPLETED", "{\"acc\": 1}", lr, seed);
        Files.writeString(job.resolve(".hydra/overrides.yaml"), ""); // emptied by hand
      }
      case 4 -> deleteTree(sweep.job(num, null, null, lr, seed)); // never started
      case 5 -> {
        Path job = sweep.job(num, "COMPLETED", null, lr);
        Files.writeString(
            job.resolve("metrics.jsonl"),
            "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"loss\": 0.25}\n");
      }
      case 6 -> sweep.job(num, "RUNNING", null, lr, seed);
      default -> {
        // rules of its own, and text that is not ASCII
        Path job = sweep.job(num, "COMPLETED", "{\"acc\": 2}", lr, seed);
        Files.writeString(
            job.resolve(".hydra/hydra.yaml"),
            "hydra:\n  job:\n    name: café\n  results:\n    metrics:\n"
                + "    - {json: eval.json, path: score, name: loss}\n");
        Files.writeString(job.resolve("eval.json"), "{\"score\": 0.5}");
      }
    }
  }

  @Test
  void hydraYamlReadsAsFilesReadStringReadsIt() throws IOException {
    Path ascii = Files.writeString(tmp.resolve("a.yaml"), "hydra:\n  x: 1\n".repeat(3000));
    Path utf8 = Files.writeString(tmp.resolve("b.yaml"), "hydra:\n  name: café ☕\n");
    Path empty = Files.writeString(tmp.resolve("c.yaml"), "");
    for (Path file : List.of(ascii, utf8, empty, ascii)) {
      assertEquals(Files.readString(file), HydraYamlText.read(file).toString(), file.toString());
    }
    Path latin1 =
        Files.write(
            tmp.resolve("d.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertInstanceOf(
        CharacterCodingException.class,
        assertThrows(IOException.class, () -> HydraYamlText.read(latin1)));
    assertThrows(NoSuchFileException.class, () -> HydraYamlText.read(tmp.resolve("none.yaml")));
    assertThrows(IOException.class, () -> HydraYamlText.read(tmp));
  }

  @Test
  void theResultsBlockIsCutFromTheBytesAsFromTheText() throws IOException {
    for (String text :
        List.of(
            "hydra:\n  job:\n    name: café\n  results:\n    metrics:\n    - regex: 'é (?<a>.)'\n"
                + "  verbose: false\n",
            "hydra:\n  results:\n    metrics: []\n    roots: []",
            "hydra:\n  job: {}\n",
            "other: 1\n")) {
      Path file = Files.writeString(tmp.resolve("hydra.yaml"), text);
      assertEquals(
          HydraYamlText.of(text).resultsBlock(), HydraYamlText.read(file).resultsBlock(), text);
    }
    assertEquals(
        "  results:\n    metrics: []\n    roots: []",
        RuleSource.resultsBlock("hydra:\n  results:\n    metrics: []\n    roots: []"));
  }

  /** The block as the text-based cut found it before the bytes were searched: the reference. */
  private static String blockOfText(String text) {
    if (!text.startsWith("hydra:\n")) {
      return null;
    }
    int start = text.indexOf("\n  results:\n");
    if (start < 0) {
      return "";
    }
    start++;
    int end = start + "  results:\n".length();
    while (end < text.length() && text.startsWith("    ", end)) {
      int nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length() : nl + 1;
    }
    return text.substring(start, end);
  }

  @Test
  void theBytesSearchFindsTheBlockTheTextSearchFinds() {
    long seed = dev.hydra4j.Seeds.seed();
    java.util.Random random = new java.util.Random(seed);
    String[] pieces = {
      "hydra:\n",
      "\n",
      "  results:\n",
      "    metrics: []\n",
      "    - regex: x\n",
      "  ",
      "results",
      ":",
      "é",
      "  result:\n",
      "    ",
      "\n  results:",
      "  results:\n  ",
      "a",
      "\n   results:\n"
    };
    for (int i = 0; i < 10_000; i++) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "hydra:\n" : "");
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      assertEquals(
          blockOfText(text.toString()),
          HydraYamlText.of(text.toString()).resultsBlock(),
          "[" + text + "], seed " + seed);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
