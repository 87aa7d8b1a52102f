package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.results.FabricatedSweep;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of runs: harvest at any time, seeds aggregated, rules checked before a run. */
class RecordCommandsTest {

  @TempDir Path tmp;

  @Test
  void aRuleWrittenAfterTheSweepReadsItsOldJobs() throws Exception {
    Path sweep = CollectCommandTest.realSweep(tmp);
    Path rules = tmp.resolve("rules.yaml");
    Files.writeString(rules, "metrics:\n  - {regex: 'score: 0\\.(\\d+)', name: digit}\n");
    CliRun run =
        CliRun.of(
            "collect",
            sweep.toString(),
            "--rules",
            rules.toString(),
            "--columns",
            "num,pdm,digit",
            "--sort",
            "num");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .contains(
                """
        num  pdm  digit
          0  0.0      0
          1  0.1      1
        """),
        run.out());
    assertTrue(
        run.out()
            .contains("  digit: regex 'score: 0\\.(\\d+)' in stdout.log (--rules " + rules + ")"),
        run.out());
    Files.writeString(rules, "metrics:\n  - {regex: 'x', nmae: typo}\n");
    CliRun bad = CliRun.of("collect", sweep.toString(), "--rules", rules.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("Unknown key 'nmae' in a metrics rule"), bad.err());
    assertTrue(bad.err().contains(rules + ":2"), bad.err());
    CliRun missing = CliRun.of("collect", sweep.toString(), "--rules", "nope.yaml");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("The rules file 'nope.yaml' does not exist"), missing.err());
  }

  @Test
  void aBadRuleStopsTheSweepBeforeAnythingRuns() throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        lr: 0.1
        hydra:
          results:
            metrics:
              - regex: 'loss=(?<loss>[0-9.]+'
        """);
    Path sweep = tmp.resolve("multirun/x");
    CliRun run =
        CliRun.of(
            "-m", "-cp", conf.toString(), "lr=0.1,0.2", "hydra.sweep.dir=" + sweep, "--", "true");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("The regex 'loss=(?<loss>[0-9.]+' is not valid"), run.err());
    assertTrue(run.err().contains("config.yaml:5"), run.err());
    assertFalse(Files.exists(sweep), "nothing may be written");
  }

  @Test
  void groupByGivesMeanStdAndConfidencePerMetric() {
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("s"));
    s.job(0, "COMPLETED", "{\"acc\": 0.5}", "lr=0.1", "seed=0");
    s.job(1, "COMPLETED", "{\"acc\": 0.7}", "lr=0.1", "seed=1");
    s.job(2, "COMPLETED", "{\"acc\": 0.9}", "lr=0.1", "seed=2");
    s.job(3, "COMPLETED", "{\"acc\": 0.2}", "lr=0.2", "seed=0");
    CliRun run = CliRun.of("collect", s.dir().toString(), "--over", "seed", "--format", "csv");
    assertEquals(0, run.exitCode(), run.err());
    // mean 0.7, std 0.2, ci95 = t(0.975, 2) * 0.2 / sqrt(3) = 4.303 * 0.11547
    String[] lines = run.out().split("\r\n");
    assertEquals("lr,n,acc.mean,acc.std,acc.ci95", lines[0]);
    String[] first = lines[1].split(",");
    assertEquals("0.1", first[0]);
    assertEquals("3", first[1]);
    assertEquals(0.7, Double.parseDouble(first[2]), 1e-12);
    assertEquals(0.2, Double.parseDouble(first[3]), 1e-12);
    assertEquals(4.303 * 0.2 / Math.sqrt(3), Double.parseDouble(first[4]), 1e-9);
    assertEquals("0.2,1,0.2,,", lines[2]);
    CliRun same = CliRun.of("collect", s.dir().toString(), "--group-by", "lr", "--format", "csv");
    assertEquals(run.out(), same.out());
    CliRun bad = CliRun.of("collect", s.dir().toString(), "--over", "sed");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("No job has a parameter 'sed'"), bad.err());
  }

  @Test
  void unknownVerbsGetADidYouMean() {
    CliRun list = CliRun.of("list");
    assertEquals(2, list.exitCode());
    assertTrue(list.err().contains("did you mean 'runs'?"), list.err());
    CliRun colect = CliRun.of("colect");
    assertTrue(colect.err().contains("did you mean 'collect'?"), colect.err());
  }

  @Test
  void compareShowsTheKeysThatDifferAndTheMetricDeltas() throws Exception {
    Path sweep = CollectCommandTest.curveSweep(tmp);
    CliRun run =
        CliRun.of("compare", "curve probe:0", sweep.resolve("3").toString(), "--width", "0");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .contains(
                """
        config (2 keys differ)
          key   A    B     set by
          lr    0.1  0.01  A: override lr=0.1; B: override lr=0.01
          seed  0    1     A: override seed=0; B: override seed=1
        """),
        run.out());
    // score = 10 lr + seed: 1.0 against 1.1
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.matches("  score\\s+1\\.0\\s+1\\.1\\s+0\\.1\\s+\\+10\\.0%")),
        run.out());
    assertTrue(run.out().contains("\ntime\n  A: started "), run.out());
    assertTrue(run.out().contains("B  " + sweep + " job 3  (curve probe)"), run.out());
    CliRun missing = CliRun.of("compare", "curve probe:9", "curve probe:0");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("has no job 9"), missing.err());
  }

  @Test
  void namesTagsAndDirectoryNamesAddressRuns() throws Exception {
    Path sweep = CollectCommandTest.curveSweep(tmp);
    CliRun show = CliRun.of("show", "curve probe", "--width", "0");
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(
        show.out().contains(sweep.toString()) || show.out().contains("09-00-00"), show.out());
    CliRun byDirName = CliRun.of("status", "2026-02-01/09-00-00");
    assertEquals(0, byDirName.exitCode(), byDirName.err());
    CliRun close = CliRun.of("collect", "curve prob");
    assertEquals(2, close.exitCode());
    assertTrue(close.err().contains("did you mean 'curve probe'?"), close.err());
    // a second sweep with the same tag: the tag no longer names one run
    Path other = tmp.resolve("multirun/2026-02-02/10-00-00");
    CliRun second =
        CliRun.of(
            "-m",
            "-cp",
            tmp.resolve("conf").toString(),
            "lr=0.5",
            "hydra.sweep.dir=" + other,
            "--tag",
            "curves",
            "--",
            "true");
    assertEquals(0, second.exitCode(), second.err());
    CliRun ambiguous = CliRun.of("collect", "curves");
    assertEquals(2, ambiguous.exitCode());
    assertTrue(
        ambiguous.err().startsWith("error: 'curves' fits 2 runs:\n    " + other), ambiguous.err());
    assertTrue(ambiguous.err().contains("\n    " + sweep), ambiguous.err());
  }

  @Test
  void showNameColonNumAndAJobDirectoryShowThatJob() throws Exception {
    Path sweep = CollectCommandTest.curveSweep(tmp);
    CliRun job = CliRun.of("show", "curve probe:2", "--width", "0");
    assertEquals(0, job.exitCode(), job.err());
    assertTrue(job.out().startsWith("job       2 of " + sweep + "\n"), job.out());
    assertTrue(job.out().contains("\nname      curve probe\n"), job.out());
    assertTrue(job.out().contains("\noverrides lr=0.01 seed=0 "), job.out());
    assertTrue(job.out().contains("\n  2  COMPLETED"), job.out());
    assertFalse(job.out().contains("\n  0  COMPLETED"), job.out());
    CliRun byDir = CliRun.of("show", sweep.resolve("2").toString(), "--width", "0");
    assertEquals(job.out(), byDir.out());
    CliRun missing = CliRun.of("show", "curve probe:7");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("has no job 7"), missing.err());
    assertTrue(missing.err().contains("its jobs are 0-3"), missing.err());
  }

  @Test
  void compareOfTwoSweepsShowsASweptGroupThatDiffers() throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("groups/model"));
    Files.writeString(conf.resolve("small.yaml"), "width: 10\n");
    Files.writeString(conf.resolve("large.yaml"), "width: 100\n");
    Files.writeString(
        conf.resolveSibling("config.yaml"), "defaults:\n  - model: small\n  - _self_\nseed: 0\n");
    Path a = tmp.resolve("multirun/a");
    Path b = tmp.resolve("multirun/b");
    for (String[] sweep :
        new String[][] {{a.toString(), "model=small,large"}, {b.toString(), "model=small"}}) {
      CliRun run =
          CliRun.of(
              "-m",
              "-cp",
              conf.getParent().toString(),
              sweep[1],
              "seed=0,1",
              "hydra.sweep.dir=" + sweep[0],
              "--",
              "true");
      assertEquals(0, run.exitCode(), run.err());
    }
    CliRun run = CliRun.of("compare", a.toString(), b.toString(), "--width", "0");
    assertEquals(0, run.exitCode(), run.err());
    // job 0 of each sweep has width 10: only the group's own row tells them apart
    assertTrue(
        run.out()
            .contains(
                """
        config (1 key differs)
          key    A                     B      set by
          model  (swept) small, large  small  A: swept model: small, large; B: override model=small
        """),
        run.out());
  }

  @Test
  void jobsASweepNeverStartedAreNotStartedAndTheCountsArePrintedOnce() throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), "x: 0\n");
    Path sweep = tmp.resolve("multirun/stopped");
    CliRun run =
        CliRun.of(
            "-m",
            "-cp",
            conf.toString(),
            "x=range(0,5)",
            "hydra.launcher.n_jobs=1",
            "hydra.launcher.on_failure=fail-fast",
            "hydra.sweep.dir=" + sweep,
            "--",
            "sh",
            "-c",
            "exit $0",
            "${x}");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("hydra4j: completed 1 · failed 1 · not started 3 — results in "),
        run.err());
    assertEquals(1, run.err().split("failed 1", -1).length - 1, "the counts once: " + run.err());
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(
        status.out().contains("jobs    5 (1 COMPLETED, 1 FAILED, 3 not started)"), status.out());
    assertTrue(status.out().contains("\n    4  not started  "), status.out());
    CliRun collect = CliRun.of("collect", sweep.toString());
    assertTrue(
        collect.out().contains("(5 jobs: 1 COMPLETED, 1 FAILED, 3 not started)"), collect.out());
    assertTrue(collect.out().contains("\n  4  not started"), collect.out());
  }
}
