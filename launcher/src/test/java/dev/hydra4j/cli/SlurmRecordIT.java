package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The experiment record of a sweep run on the real SLURM cluster (scripts/slurm-local.sh up), its
 * jobs logging curves through the Python helper (examples/python/hydra4j_task.py) on the node: the
 * sweep is found by its name, a rule written after it ran is harvested, seeds are aggregated, two
 * jobs compared, the report draws a chart per curve, and a job run again on SLURM starts a fresh
 * curve. NotebookIT, CollectCommandTest and RecordCommandsTest do the same for local sweeps.
 */
@TestMethodOrder(OrderAnnotation.class)
class SlurmRecordIT extends SlurmCliTest {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /** Unique per test run: names are looked up among every sweep registered from launcher/. */
  private static final String NAME = "slurm record " + ProcessHandle.current().pid();

  private static Path sweep;

  private static final String TRAIN =
      """
      import sys
      sys.path.insert(0, sys.argv[1])
      import hydra4j_task as h4
      cfg = h4.config()
      for step in range(0, 50, 10):
          h4.log(step=step, reward=step * cfg.lr + cfg.seed, sps=100 + step)
      print(f"final score: {cfg.lr * 10 + cfg.seed}", flush=True)
      h4.summary(score=cfg.lr * 10 + cfg.seed)
      """;

  @Test
  @Order(1)
  void aSweepLoggingCurvesIsSubmittedAndRuns() throws Exception {
    Path helper = Path.of("..", "examples", "python").toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(helper.resolve("hydra4j_task.py")), helper.toString());
    Path train = Files.writeString(root.resolve("train.py"), TRAIN);
    Path conf =
        project(
            "record",
            """
        lr: 0.1
        seed: 0
        hydra:
          job:
            command: [python3, 'TRAIN', 'HELPER']
        """
                .replace("TRAIN", train.toString())
                .replace("HELPER", helper.toString()));
    CliRun run = sweep(conf, "lr=0.1,0.01", "seed=0,1,2", "--name", NAME);
    assertEquals(0, run.exitCode(), run.err());
    sweep = sweepDir(conf);
    // the last line says what went to SLURM and how to follow it
    List<String> lines = run.err().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(
        last.matches(
            "hydra4j: submitted 6 jobs as SLURM array \\d+; follow them with: hydra4j status "
                + Pattern.quote(sweep.toString())
                + " .*"),
        run.err());
    List<JobStatus> all =
        await(
            "the six jobs to end",
            PATIENCE,
            () -> statuses(sweep, 6),
            s -> s.stream().allMatch(j -> j.state().isTerminal()));
    for (JobStatus s : all) {
      assertEquals(JobState.COMPLETED, s.state(), s.toString());
      assertTrue(s.extra().containsKey("slurm_job_id"), "written on the node: " + s);
    }
  }

  @Test
  @Order(2)
  void showFindsTheSweepAndAJobOfItByName() {
    CliRun show = CliRun.of("show", NAME, "--width", "0");
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().startsWith("sweep     " + sweep + "\nname      " + NAME), show.out());
    assertTrue(show.out().contains("launcher  slurm\n"), show.out());
    assertTrue(show.out().contains("jobs      6 jobs: 6 COMPLETED\n"), show.out());
    // every job's row, with its SLURM ids and the last value of each curve
    List<String> rows = show.out().lines().filter(l -> l.matches("\\s+\\d  COMPLETED .*")).toList();
    assertEquals(6, rows.size(), show.out());
    assertTrue(rows.get(4).matches("\\s+4 .* 0\\.01 +1 +1\\.4 +140\\.0 +1\\.1"), rows.get(4));

    CliRun job = CliRun.of("show", NAME + ":4", "--width", "0");
    assertEquals(0, job.exitCode(), job.err());
    assertTrue(job.out().startsWith("job       4 of " + sweep + "\n"), job.out());
    assertTrue(job.out().matches("(?s).*\noverrides [^\n]*lr=0.01 seed=1\n.*"), job.out());
    List<String> jobRows =
        job.out().lines().filter(l -> l.matches("\\s+\\d  COMPLETED .*")).toList();
    assertEquals(1, jobRows.size(), job.out());
    assertTrue(jobRows.get(0).startsWith("  4  COMPLETED"), jobRows.get(0));
    CliRun byDir = CliRun.of("show", sweep.resolve("4").toString(), "--width", "0");
    assertEquals(job.out(), byDir.out());
  }

  @Test
  @Order(3)
  void aRuleWrittenAfterTheSweepIsHarvested() throws Exception {
    Path rules = root.resolve("rules.yaml");
    Files.writeString(
        rules, "metrics:\n  - {regex: 'final score: (?P<final>[0-9.]+)', file: stdout.log}\n");
    CliRun run =
        CliRun.of(
            "collect", NAME, "--rules", rules.toString(), "--columns", "num,lr,seed,final,score");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .contains(
                """
        num    lr  seed  final  score
          0   0.1     0    1.0    1.0
          1   0.1     1    2.0    2.0
          2   0.1     2    3.0    3.0
          3  0.01     0    0.1    0.1
          4  0.01     1    1.1    1.1
          5  0.01     2    2.1    2.1
        """),
        run.out());
    assertTrue(run.out().contains("  final: regex 'final score: "), run.out());
    assertTrue(run.out().contains("(--rules " + rules + ")"), run.out());
  }

  @Test
  @Order(4)
  void collectGroupByGivesMeanStdAndConfidenceOverSeeds() {
    CliRun table = CliRun.of("collect", NAME, "--group-by", "lr", "--width", "0");
    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().contains("reward.mean"), table.out());
    assertTrue(table.out().contains("reward.std"), table.out());
    assertTrue(table.out().contains("reward.ci95"), table.out());
    CliRun csv = CliRun.of("collect", NAME, "--over", "seed", "--format", "csv");
    assertEquals(0, csv.exitCode(), csv.err());
    List<String> lines = csv.out().lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    String[] lr01 = lines.get(1).split(",", -1);
    assertEquals("0.1", lr01[0]);
    assertEquals("3", lr01[header.indexOf("n")]);
    // reward's last value is 40 lr + seed: seeds 0, 1, 2 give mean 4 + 1, std 1
    assertEquals(5.0, Double.parseDouble(lr01[header.indexOf("reward.mean")]), 1e-9);
    assertEquals(1.0, Double.parseDouble(lr01[header.indexOf("reward.std")]), 1e-9);
    // t(0.975, 2) = 4.303
    assertEquals(
        4.303 / Math.sqrt(3), Double.parseDouble(lr01[header.indexOf("reward.ci95")]), 1e-3);
  }

  @Test
  @Order(5)
  void compareShowsTheConfigDiffOfTwoJobs() {
    CliRun run = CliRun.of("compare", NAME + ":1", NAME + ":5", "--width", "0");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .contains(
                """
        config (2 keys differ)
          key   A    B     set by
          lr    0.1  0.01  A: override lr=0.1; B: override lr=0.01
          seed  1    2     A: override seed=1; B: override seed=2
        """),
        run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("  score +2\\.0 +2\\.1 .*")), run.out());
  }

  @Test
  @Order(6)
  void theReportDrawsALineChartPerCurveMetric() throws Exception {
    Path html = root.resolve("report.html");
    CliRun run = CliRun.of("report", NAME, "-o", html.toString());
    assertEquals(0, run.exitCode(), run.err());
    String page = Files.readString(html);
    for (String metric : List.of("reward", "sps")) {
      Matcher img =
          Pattern.compile(
                  "alt=\""
                      + metric
                      + " over step \\(6 lines\\)\" src=\"data:image/png;base64,([^\"]+)\"")
              .matcher(page);
      assertTrue(img.find(), metric + " has no chart: " + page.substring(0, 2000));
      BufferedImage chart =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
      assertTrue(colouredPixels(chart) > 1_500, metric + ": the lines are drawn");
    }
  }

  @Test
  @Order(7)
  void jobsRunAgainOnSlurmStartFreshCurves() throws Exception {
    CliRun rerun = CliRun.of("rerun", "--state", "COMPLETED", sweep.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    List<JobStatus> again =
        await(
            "the jobs to run again",
            PATIENCE,
            () -> statuses(sweep, 6),
            all -> all.stream().allMatch(s -> s.state().isTerminal() && s.attempt() == 2));
    again.forEach(s -> assertEquals(JobState.COMPLETED, s.state(), s.toString()));
    Path job = sweep.resolve("0");
    assertEquals(5, Files.readAllLines(job.resolve("metrics.attempt1.jsonl")).size());
    assertEquals(5, Files.readAllLines(job.resolve("metrics.jsonl")).size(), "a fresh curve");
    CliRun notebook = CliRun.of("notebook", NAME);
    assertEquals(0, notebook.exitCode(), notebook.err());
    // 6 jobs x 5 steps x (reward, sps): the first attempts' points are not mixed in
    assertEquals(1 + 6 * 5 * 2, Files.readAllLines(sweep.resolve("curves.csv")).size());
  }

  /** Pixels of a clear colour (not white, grey or black), as chart lines are. */
  private static int colouredPixels(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          n++;
        }
      }
    }
    return n;
  }
}
