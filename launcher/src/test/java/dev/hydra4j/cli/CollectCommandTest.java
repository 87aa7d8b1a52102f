package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.results.FabricatedSweep;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {

  @TempDir Path tmp;

  /** Runs a real two-by-two sweep whose jobs print a score and write metrics.json. */
  static Path realSweep(Path tmp) throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        lr: 0.1
        model: small
        hydra:
          results:
            metrics:
              - regex: 'PDM score: (?<pdm>[0-9.]+)'
        """);
    Path sweep = tmp.resolve("multirun/2026-01-31/12-00-00");
    CliRun run =
        CliRun.of(
            "-m",
            "-cp",
            conf.toString(),
            "lr=0.1,0.01",
            "model=small,large",
            "hydra.sweep.dir=" + sweep,
            "--",
            "sh",
            "-c",
            "echo \"PDM score: 0.$HYDRA4J_JOB_NUM\"; "
                + "printf '{\"loss\": %s, \"val\": {\"acc\": 0.9}}' \"$HYDRA4J_JOB_NUM\""
                + " > \"$HYDRA4J_JOB_DIR/metrics.json\"");
    assertEquals(0, run.exitCode(), run.err());
    return sweep;
  }

  /**
   * Runs a real 2 lr x 2 seed sweep whose Python jobs read their config and log a reward curve
   * through examples/python/hydra4j_task.py, the helper users copy.
   */
  static Path curveSweep(Path tmp) throws Exception {
    Path conf = Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), "lr: 0.1\nseed: 0\n");
    Path helper = Path.of("..", "examples", "python").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(helper.resolve("hydra4j_task.py")), helper.toString());
    Path sweep = tmp.resolve("multirun/2026-02-01/09-00-00");
    CliRun run =
        CliRun.of(
            "-m",
            "-cp",
            conf.toString(),
            "lr=0.1,0.01",
            "seed=0,1",
            "hydra.sweep.dir=" + sweep,
            "--name",
            "curve probe",
            "--tag",
            "curves",
            "--",
            "python3",
            "-c",
            String.join(
                "\n",
                "import sys",
                "sys.path.insert(0, '" + helper.toString().replace("'", "\\'") + "')",
                "import hydra4j_task as h4",
                "cfg = h4.config()",
                "for step in range(0, 50, 10):",
                "    h4.log(step=step, reward=step * cfg.lr + cfg.seed, sps=100 + step)",
                "h4.summary(score=cfg.lr * 10 + cfg.seed)"));
    assertEquals(0, run.exitCode(), run.err());
    return sweep;
  }

  @Test
  void collectsARealSweep() throws Exception {
    Path sweep = realSweep(tmp);
    CliRun run =
        CliRun.of(
            "collect",
            sweep.toString(),
            "--sort",
            "-pdm",
            "--columns",
            "num,status,lr,model,pdm,loss,val.acc");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().split("\n");
    assertTrue(
        lines[0].startsWith("sweep ") && lines[0].endsWith("(4 jobs: 4 COMPLETED)"), lines[0]);
    assertEquals("num  status       lr  model  pdm  loss  val.acc", lines[2]);
    assertEquals("  3  COMPLETED  0.01  large  0.3     3      0.9", lines[3]);
    assertEquals("  0  COMPLETED   0.1  small  0.0     0      0.9", lines[6]);
    assertEquals("metrics from rules", lines[8], run.out());
    assertEquals(
        "  pdm: regex 'PDM score: (?<pdm>[0-9.]+)' in stdout.log (recorded with the run)",
        lines[9]);
    assertEquals(10, lines.length, run.out());
  }

  @Test
  void curvesLoggedThroughThePythonHelperAreCollected() throws Exception {
    Path sweep = curveSweep(tmp);
    CliRun last =
        CliRun.of(
            "collect", "curve probe", "--columns", "num,lr,seed,reward,sps,score", "--width", "0");
    assertEquals(0, last.exitCode(), last.err());
    assertTrue(
        last.out()
            .contains(
                """
        num    lr  seed  reward    sps  score
          0   0.1     0     4.0  140.0    1.0
          1   0.1     1     5.0  140.0    2.0
          2  0.01     0     0.4  140.0    0.1
        """),
        last.out());
    CliRun min =
        CliRun.of(
            "collect",
            sweep.toString(),
            "--agg",
            "min",
            "--columns",
            "num,reward",
            "--format",
            "csv");
    assertEquals("num,reward\r\n0,0.0\r\n1,1.0\r\n2,0.0\r\n3,1.0\r\n", min.out());
  }

  @Test
  void csvOfARealSweepHasOneLinePerJob() throws Exception {
    Path sweep = realSweep(tmp);
    CliRun run =
        CliRun.of(
            "collect",
            sweep.toString(),
            "--format",
            "csv",
            "--filter",
            "model == 'large'",
            "--columns",
            "num,lr,pdm");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("num,lr,pdm\r\n1,0.1,0.1\r\n3,0.01,0.3\r\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void problemsAreListedPerJobUnderTheTable() {
    FabricatedSweep s =
        FabricatedSweep.in(tmp.resolve("s")).rules("- {csv: results.csv, column: val_loss}\n");
    s.job(0, "COMPLETED", "{\"acc\": 0.5}", "lr=0.1");
    s.job(1, "COMPLETED", "{\"acc\": ", "lr=0.2");
    s.job(2, "RUNNING", null, "lr=0.3");
    CliRun run = CliRun.of("collect", s.dir().toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .contains(
                """
        problems
          jobs 0, 1: csv results.csv column val_loss: results.csv does not exist
          job 1: metrics.json is not valid JSON: Unexpected end-of-input"""),
        run.out());
    assertTrue(run.out().contains("job 1: no metric 'acc' (this job has: none)"), run.out());
    CliRun json = CliRun.of("collect", s.dir().toString(), "--format", "json");
    assertTrue(json.out().startsWith("[\n  {\"num\":0,"), json.out());
    assertTrue(json.err().startsWith("problems\n"), json.err());
  }

  @Test
  void badInputIsExitTwoWithAClearMessage() throws Exception {
    CliRun missing = CliRun.of("collect", tmp.resolve("nope").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(
        missing.err().startsWith("error: '" + tmp.resolve("nope") + "' does not exist"),
        missing.err());
    CliRun notSweep = CliRun.of("collect", tmp.toString());
    assertEquals(2, notSweep.exitCode());
    assertTrue(notSweep.err().contains("is not a hydra4j run or sweep"), notSweep.err());
    FabricatedSweep s = FabricatedSweep.in(tmp.resolve("s"));
    s.job(0, "COMPLETED", "{\"acc\": 0.5}", "lr=0.1");
    CliRun unknown = CliRun.of("collect", s.dir().toString(), "--sort", "-mAP50");
    assertEquals(2, unknown.exitCode());
    assertEquals(
        """
        error: No job has a metric or column 'mAP50'
          at --sort -mAP50
          hint: metrics: acc; parameters: lr; and num, status, duration_s
        """,
        unknown.err());
    CliRun format = CliRun.of("collect", s.dir().toString(), "--format", "xml");
    assertEquals(2, format.exitCode());
    CliRun neither = CliRun.of("collect");
    assertEquals(2, neither.exitCode());
    assertTrue(neither.err().contains("Which run?"), neither.err());
  }
}
