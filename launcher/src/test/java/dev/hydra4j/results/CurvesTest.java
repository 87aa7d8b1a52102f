package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics over time: metrics.jsonl, CSV rules with a step column, and --agg. */
class CurvesTest {

  @TempDir Path tmp;

  private Path jobWithLog(String log) throws Exception {
    Path job = FabricatedSweep.in(tmp).job(0, "COMPLETED", null);
    Files.writeString(job.resolve("metrics.jsonl"), log);
    return job;
  }

  @Test
  void eachLineIsAPointOfEachMetricsCurve() throws Exception {
    Path job =
        jobWithLog(
            """
        {"step": 10, "time": 1.5, "reward": 1.0, "loss": 0.9}
        {"step": 20, "time": 3.0, "reward": 3.0, "loss": 0.5, "eval": {"acc": 0.7}}
        {"step": 30, "time": 4.5, "reward": 2.0, "loss": 0.6}
        {"step": 40, "rew""");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    assertEquals(
        List.of(
            new CurvePoint(10.0, 1.5, 1.0),
            new CurvePoint(20.0, 3.0, 3.0),
            new CurvePoint(30.0, 4.5, 2.0)),
        m.curves().get("reward"));
    assertEquals(List.of(new CurvePoint(20.0, 3.0, 0.7)), m.curves().get("eval.acc"));
    // the last point is the value; the unfinished last line is being written, not a problem
    assertEquals(Map.of("reward", 2.0, "loss", 0.6, "eval.acc", 0.7), m.values());
    assertEquals(List.of(), m.problems());
  }

  @Test
  void aggregatesPickLastBestMinOrMax() throws Exception {
    Path job =
        jobWithLog(
            "{\"reward\": 1}\n{\"reward\": 3}\n{\"reward\": 2}\n"
                + "{\"loss\": 0.9}\n{\"loss\": 0.4}\n{\"loss\": 0.6}\n");
    assertEquals(Map.of("reward", 2.0, "loss", 0.6), harvest(job, CurveAgg.LAST));
    // best: higher reward, lower loss, guessed from the names as runs --best does
    assertEquals(Map.of("reward", 3.0, "loss", 0.4), harvest(job, CurveAgg.BEST));
    assertEquals(Map.of("reward", 1.0, "loss", 0.4), harvest(job, CurveAgg.MIN));
    assertEquals(Map.of("reward", 3.0, "loss", 0.9), harvest(job, CurveAgg.MAX));
    // without a step, a line is the metric's next step
    assertEquals(
        List.of(0.0, 1.0, 2.0),
        new Harvester().harvest(job).curves().get("loss").stream().map(CurvePoint::step).toList());
  }

  @Test
  void metricsJsonWinsOverTheLastPointButNotOverAnAskedAggregate() throws Exception {
    Path job = jobWithLog("{\"loss\": 0.9}\n{\"loss\": 0.4}\n{\"loss\": 0.6}\n");
    Files.writeString(job.resolve("metrics.json"), "{\"loss\": 0.55}");
    assertEquals(Map.of("loss", 0.55), harvest(job, CurveAgg.LAST));
    assertEquals(Map.of("loss", 0.4), harvest(job, CurveAgg.MIN));
  }

  @Test
  void damagedLinesAreOneProblemNamingTheFirst() throws Exception {
    Path job = jobWithLog("{\"loss\": 1}\nnot json\n[1, 2]\n{\"loss\": 2}\n");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    assertEquals(
        List.of("metrics.jsonl: 2 lines are not a JSON object (line 2: not json)"), m.problems());
    assertEquals(2, m.curves().get("loss").size());
  }

  @Test
  void aCsvRuleWithAStepColumnGivesCurves() throws Exception {
    FabricatedSweep sweep = FabricatedSweep.in(tmp).rules("- {csv: progress.csv, step: epoch}\n");
    Path job = sweep.job(0, "COMPLETED", null);
    Files.writeString(
        job.resolve("progress.csv"),
        "epoch, train/loss, val/acc\n1, 0.9, 0.5\n2, 0.7, 0.6\n3, 0.8, 0.65\n");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    assertEquals(
        List.of(
            new CurvePoint(1.0, null, 0.9),
            new CurvePoint(2.0, null, 0.7),
            new CurvePoint(3.0, null, 0.8)),
        m.curves().get("train/loss"));
    assertEquals(Map.of("train/loss", 0.8, "val/acc", 0.65), m.values());
    assertNull(m.curves().get("epoch"));
    assertEquals("csv progress.csv by epoch (recorded with the run)", m.sources().get("val/acc"));
  }

  @Test
  void aReportDrawsACurveChartPerLoggedMetric() throws Exception {
    FabricatedSweep sweep = FabricatedSweep.in(tmp);
    for (int num = 0; num < 4; num++) {
      Path job =
          sweep.job(
              num, "COMPLETED", null, "lr=" + (num % 2 == 0 ? "0.1" : "0.01"), "seed=" + num / 2);
      StringBuilder log = new StringBuilder();
      for (int step = 0; step < 5; step++) {
        log.append("{\"step\": ")
            .append(step * 100)
            .append(", \"reward\": ")
            .append(step * (num + 1))
            .append("}\n");
      }
      Files.writeString(job.resolve("metrics.jsonl"), log);
    }
    RunResults results = RunResults.read(RecordedRun.open(sweep.dir()), new Harvester());
    List<CurveChart> perJob = CurveChart.all(results, List.of());
    assertEquals(1, perJob.size());
    assertEquals("step", perJob.get(0).xLabel());
    assertEquals(4, perJob.get(0).lines().size());
    assertEquals("lr=0.1, seed=0", perJob.get(0).lines().get(0).label());
    List<CurveChart> grouped = CurveChart.all(results, List.of("lr"));
    CurveChart.Line first = grouped.get(0).lines().get(0);
    assertEquals("lr=0.1 (mean ± std of 2)", first.label());
    // jobs 0 and 2: reward = step*1 and step*3 → mean 2*step, std sqrt(2)*step
    assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0), first.ys());
    assertEquals(8.0 + Math.sqrt(2) * 4, first.upper().get(4), 1e-9);
    assertTrue(ChartImages.png(grouped.get(0)).length > 1000);
  }

  private static Map<String, Object> harvest(Path job, CurveAgg agg) {
    return new Harvester(HarvestRules.none(), agg).harvest(job).values();
  }
}
