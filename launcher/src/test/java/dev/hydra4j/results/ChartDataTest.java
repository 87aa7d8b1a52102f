package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartDataTest {

  @TempDir Path tmp;

  private RunResults sweep() {
    FabricatedSweep s = FabricatedSweep.in(tmp);
    int num = 0;
    for (String model : new String[] {"small", "large"}) {
      for (String lr : new String[] {"0.1", "0.01", "0.001"}) {
        double acc = (model.equals("large") ? 0.2 : 0) + Double.parseDouble(lr);
        s.job(
            num,
            "COMPLETED",
            "{\"acc\": " + acc + ", \"epochs\": 10}",
            "model=" + model,
            "lr=" + lr,
            "hydra.sweep.dir=x");
        num++;
      }
    }
    s.job(num, "FAILED", null, "model=small", "lr=0.1", "hydra.sweep.dir=x");
    return RunResults.read(RecordedRun.open(tmp), new Harvester());
  }

  @Test
  void aNumericParameterGivesSortedLinesOnALogScale() {
    ChartData chart = ChartData.of(sweep(), "acc", "lr");
    assertTrue(chart.numeric());
    assertTrue(chart.logX());
    assertEquals(
        List.of("model=small", "model=large"),
        chart.series().stream().map(ChartData.Series::name).toList());
    assertEquals(List.of(0.001, 0.01, 0.1), chart.series().get(0).xs());
    double[] ys = chart.series().get(1).ys().stream().mapToDouble(Double::doubleValue).toArray();
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.201, 0.21, 0.3}, ys, 1e-12);
  }

  @Test
  void aCategoricalParameterGivesBarsPerCategory() {
    ChartData chart = ChartData.of(sweep(), "acc", "model");
    assertFalse(chart.numeric());
    assertEquals(List.of("small", "large"), chart.categories());
    assertEquals(3, chart.series().size());
    assertEquals(List.of("small", "large"), chart.series().get(0).xs());
  }

  @Test
  void constantMetricsAndHydraSettingsAreNotPlotted() {
    RunResults results = sweep();
    assertEquals(List.of("acc"), ChartData.plottable(results));
    assertEquals(List.of("model", "lr"), results.sweptKeys());
    assertEquals(4, ChartData.all(results).size() * 2);
  }

  @Test
  void overridesBecomeTypedParameters() {
    assertEquals(
        Map.of(
            "lr", 0.01, "model", "small", "n", 3L, "flag", true, "db", "mysql", "tags", "[a,b]",
            "gone", "~"),
        Overrides.params(
            List.of(
                "lr=0.01",
                "model=small",
                "n=3",
                "flag=true",
                "+db=mysql",
                "tags=[a,b]",
                "~gone",
                "hydra/launcher=slurm",
                "hydra.job.chdir=true")));
  }
}
