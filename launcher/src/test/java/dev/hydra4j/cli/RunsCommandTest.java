package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.results.FabricatedSweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {

  @TempDir Path tmp;
  Path sweep;
  Path run;

  @BeforeEach
  void project() throws Exception {
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("multirun/2026-01-31/12-00-00"));
    s.job(0, "COMPLETED", "{\"mAP50\": 0.5, \"loss\": 0.9}", "lr=0.1");
    s.job(1, "FAILED", null, "lr=0.01");
    s.job(2, "COMPLETED", "{\"mAP50\": 0.7, \"loss\": 0.3}", "lr=0.001");
    sweep = s.dir();
    run =
        FabricatedSweep.singleRun(
            tmp.resolve("outputs/2026-02-01/09-00-00"),
            "2026-02-01T09:00:00Z",
            "COMPLETED",
            "{\"loss\": 0.25}",
            "lr=0.5");
  }

  private CliRun runs(String... more) {
    List<String> args =
        new ArrayList<>(List.of("runs", "--project", tmp.toString(), "--width", "0"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void listsRunsAndSweepsNewestFirst() {
    CliRun r = runs("--format", "csv");
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().split("\r\n");
    assertEquals("start,kind,name,tags,status,jobs,states,best,dir", lines[0]);
    assertTrue(
        lines[1].matches(
            ".*,run,,,COMPLETED,1,1 completed,loss=0.25 \\(min\\),"
                + "/.*outputs/2026-02-01/09-00-00"),
        lines[1]);
    assertTrue(
        lines[2].matches(
            ".*,sweep,,,FAILED,3,2 completed 1 failed,mAP50=0.7 \\(max\\),"
                + "/.*multirun/2026-01-31/12-00-00"),
        lines[2]);
    assertEquals(3, lines.length);
    assertTrue(Files.isRegularFile(tmp.resolve(".hydra4j/index.db")));
  }

  @Test
  void filtersByTagNameStatusKindAndDate() {
    assertEquals(0, CliRun.of("tag", sweep.toString(), "+paper", "+v2").exitCode());
    assertEquals(0, CliRun.of("note", sweep.toString(), "--name", "Person sweep").exitCode());
    assertOnly(runs("--tag", "paper", "--tag", "v2"), "multirun");
    assertOnly(runs("--name", "person"), "multirun");
    assertOnly(runs("--status", "completed"), "outputs");
    assertOnly(runs("--status", "FAILED"), "multirun");
    assertOnly(runs("--kind", "run"), "outputs");
    assertOnly(runs("--since", "2026-02-01"), "outputs");
    assertOnly(runs("--until", "2026-01-31"), "multirun");
    assertOnly(runs("--best", "loss:max", "--kind", "sweep"), "loss=0.9 (max)");
    CliRun none = runs("--tag", "nothing");
    assertTrue(none.out().startsWith("no runs found under "), none.out());
  }

  private static void assertOnly(CliRun r, String expected) {
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(2, lines.length, r.out());
    assertTrue(lines[1].contains(expected), r.out());
  }

  @Test
  void theIndexFollowsTheDirectories() throws Exception {
    assertTrue(runs().out().contains("2 completed 1 failed"));
    FabricatedSweep.status(sweep.resolve("1"), 1, "COMPLETED");
    Files.writeString(sweep.resolve("1/metrics.json"), "{\"mAP50\": 0.9, \"loss\": 0.1}");
    CliRun after = runs();
    assertTrue(after.out().contains("3 completed"), after.out());
    assertTrue(after.out().contains("mAP50=0.9 (max)"), after.out());
    try (var files = Files.walk(run)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    CliRun gone = runs();
    assertFalse(gone.out().contains("outputs/"), gone.out());
  }

  @Test
  void aBrokenIndexIsRebuiltWithANotice() throws Exception {
    assertEquals(0, runs().exitCode());
    Path index = tmp.resolve(".hydra4j/index.db");
    byte[] junk = new byte[8192];
    new java.util.Random(1).nextBytes(junk);
    Files.write(index, junk);
    CliRun r = runs();
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("hydra4j: the run index "), r.err());
    assertTrue(r.err().contains("rebuilding it from the run directories"), r.err());
    assertEquals(3, r.out().split("\n").length, r.out());
    assertEquals("", runs().err());
  }

  @Test
  void exportWritesEveryJobOfEveryRun() throws Exception {
    Path csv = tmp.resolve("results.csv");
    CliRun r = CliRun.of("export", csv.toString(), "--project", tmp.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("wrote 4 jobs of 2 runs to " + csv + "\n", r.out());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(
        "run,run_name,run_tags,run_notes,git_commit,kind,run_start,num,status,"
            + "exit_code,duration_s,job_start,job_dir,lr,mAP50,loss",
        lines.get(0));
    assertEquals(5, lines.size());
    assertTrue(lines.get(2).contains(",1,FAILED,1,2.5,"), lines.get(2));
    assertTrue(lines.get(4).endsWith(",0.5,,0.25"), lines.get(4));
  }

  @Test
  void aRootGivenOnceIsNotRemembered() {
    FabricatedSweep.in(tmp.resolve("elsewhere/s1")).job(0, "COMPLETED", "{\"acc\": 1}");
    assertTrue(runs("--root", tmp.resolve("elsewhere").toString()).out().contains("elsewhere/s1"));
    CliRun again = runs();
    assertEquals(0, again.exitCode(), again.err());
    assertFalse(again.out().contains("elsewhere"), again.out());
  }

  @Test
  void theConfigSaysWhereRunsLive() throws Exception {
    Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(
        tmp.resolve("conf/config.yaml"),
        """
        hydra:
          sweep:
            dir: experiments/${now:%Y}/${now:%H-%M}
          results:
            roots: [archive]
        """);
    FabricatedSweep.in(tmp.resolve("experiments/2026/s2")).job(0, "COMPLETED", "{\"acc\": 1}");
    FabricatedSweep.in(tmp.resolve("archive/old")).job(0, "COMPLETED", "{\"acc\": 1}");
    CliRun r = runs();
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("experiments/2026/s2"), r.out());
    assertTrue(r.out().contains("archive/old"), r.out());
  }

  @Test
  void badInputIsExitTwo() {
    assertEquals(2, runs("--status", "great").exitCode());
    assertEquals(2, runs("--since", "yesterday").exitCode());
    assertEquals(2, runs("--root", tmp.resolve("nope").toString()).exitCode());
    assertEquals(2, runs("--best", "loss:lowest").exitCode());
    CliRun tag = CliRun.of("tag", tmp.resolve("nope").toString(), "+x");
    assertEquals(2, tag.exitCode());
    assertTrue(tag.err().contains("does not exist"), tag.err());
  }

  @Test
  void tagAndNoteEditMetaJson() throws Exception {
    CliRun add = CliRun.of("tag", sweep.toString(), "+a", "b", "+c");
    assertEquals("tags: a, b, c\n", add.out());
    CliRun remove = CliRun.of("tag", sweep.toString(), "-b", "--remove", "c");
    assertEquals(0, remove.exitCode(), remove.err());
    assertEquals("tags: a\n", remove.out());
    CliRun note = CliRun.of("note", sweep.toString(), "too slow", "--description", "first go");
    assertEquals(0, note.exitCode(), note.err());
    assertTrue(note.out().contains("about     first go\n"), note.out());
    assertTrue(
        note.out().matches("(?s).*note      \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  too slow\n"),
        note.out());
    assertTrue(Files.readString(sweep.resolve("meta.json")).contains("\"too slow\""));
  }
}
