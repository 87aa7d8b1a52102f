package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvesterTest {

  @TempDir Path tmp;

  @Test
  void metricsJsonIsFlattenedToDottedNames() {
    Path job =
        FabricatedSweep.in(tmp)
            .job(
                0,
                "COMPLETED",
                "{\"loss\": 0.2, \"val\": {\"mAP50\": 0.8, \"ok\": true}, \"curve\": [1, 2]}");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    assertEquals(Map.of("loss", 0.2, "val.mAP50", 0.8, "val.ok", true), m.values());
    assertEquals(List.of(), m.problems());
  }

  @Test
  void aDamagedMetricsJsonIsAProblemNotACrash() {
    Path job = FabricatedSweep.in(tmp).job(0, "COMPLETED", "{\"loss\": ");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    assertEquals(Map.of(), m.values());
    assertEquals(1, m.problems().size());
    assertTrue(
        m.problems().get(0).startsWith("metrics.json is not valid JSON"), m.problems().get(0));
  }

  @Test
  void rulesFromTheJobsHydraYamlReadItsOutputs() throws Exception {
    FabricatedSweep sweep =
        FabricatedSweep.in(tmp)
            .rules(
                """
        - regex: 'PDM score: (?<pdm>[0-9.]+)'
        - {csv: results.csv, column: val_loss}
        - {json: eval.json, path: score, name: loss}
        """);
    Path job = sweep.job(0, "COMPLETED", "{\"loss\": 9, \"extra\": 1}");
    Files.writeString(job.resolve("stdout.log"), "step\nPDM score: 0.8206\n");
    Files.writeString(job.resolve("results.csv"), "epoch,val_loss\n1,0.9\n2,0.4\n");
    Files.writeString(job.resolve("eval.json"), "{\"score\": 0.1}");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    // a rule's value wins over metrics.json's value for the same name
    assertEquals(Map.of("loss", 0.1, "extra", 1L, "pdm", 0.8206, "val_loss", 0.4), m.values());
    assertEquals(List.of(), m.problems());
  }

  @Test
  void aRuleThatFindsNothingIsReportedAndTheOthersStillCount() throws Exception {
    FabricatedSweep sweep =
        FabricatedSweep.in(tmp)
            .rules(
                """
        - regex: 'PDM score: (?<pdm>[0-9.]+)'
        - {csv: results.csv, column: val_loss}
        """);
    Path job = sweep.job(0, "COMPLETED", null);
    Files.writeString(job.resolve("stdout.log"), "crashed before scoring\n");
    Files.writeString(job.resolve("results.csv"), "epoch,val_loss\n1,0.9\n");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    assertEquals(Map.of("val_loss", 0.9), m.values());
    assertEquals(
        List.of("regex 'PDM score: (?<pdm>[0-9.]+)' in stdout.log: no line matches"), m.problems());
  }

  @Test
  void interpolationsInRulesResolveAgainstTheJob() throws Exception {
    FabricatedSweep sweep =
        FabricatedSweep.in(tmp)
            .rules(
                """
        - {json: 'eval_${hydra.job.num}_${seed}.json', path: score}
        """);
    Path job = sweep.job(3, "COMPLETED", null);
    Files.writeString(job.resolve("eval_3_3.json"), "{\"score\": 0.5}");
    assertEquals(Map.of("score", 0.5), new Harvester().harvest(job).values());
  }

  @Test
  void invalidRulesAreAProblemOfEachJob() {
    FabricatedSweep sweep = FabricatedSweep.in(tmp).rules("- {json: a.json, colum: x}\n");
    Path job = sweep.job(0, "COMPLETED", "{\"loss\": 1}");
    Harvester.JobMetrics m = new Harvester().harvest(job);
    assertEquals(Map.of("loss", 1L), m.values());
    assertTrue(
        m.problems()
            .get(0)
            .startsWith("hydra.results.metrics: Unknown key 'colum' in a metrics rule ("),
        m.problems().get(0));
  }

  @Test
  void theResultsBlockIsCutFromHydraYamlAsWritten() {
    String text =
        "hydra:\n  job:\n    num: 1\n  results:\n    metrics:\n    - regex: x\n"
            + "  verbose: false\n";
    assertEquals("  results:\n    metrics:\n    - regex: x\n", RuleSource.resultsBlock(text));
    assertEquals("", RuleSource.resultsBlock("hydra:\n  job: {}\n"));
    assertEquals(null, RuleSource.resultsBlock("other: 1\n"));
  }
}
