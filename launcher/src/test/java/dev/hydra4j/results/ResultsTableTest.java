package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableTest {

  @TempDir Path tmp;
  RunResults results;

  @BeforeEach
  void sweep() {
    FabricatedSweep s = FabricatedSweep.in(tmp);
    s.job(0, "COMPLETED", "{\"mAP50\": 0.5, \"loss\": 1.0}", "lr=0.1", "model=small", "seed=1");
    s.job(1, "COMPLETED", "{\"mAP50\": 0.7, \"loss\": 0.5}", "lr=0.01", "model=small", "seed=1");
    s.job(2, "FAILED", null, "lr=0.1", "model=large", "seed=1");
    s.job(3, "COMPLETED", "{\"mAP50\": 0.6}", "lr=0.01", "model=large", "seed=1");
    results = RunResults.read(RecordedRun.open(tmp), new Harvester());
  }

  private ResultsTable table(String sort, String filter, String... columns) {
    return ResultsTable.of(
        results, new ResultsTable.Options(false, sort, filter, Arrays.asList(columns)));
  }

  @Test
  void showsOnlyTheKeysThatVary() {
    assertEquals(
        List.of("num", "status", "duration_s", "lr", "model", "mAP50", "loss"),
        table(null, null).columns());
    assertEquals(List.of("lr", "model", "seed"), results.paramKeys());
    assertEquals(
        List.of("num", "status", "duration_s", "lr", "model", "seed", "mAP50", "loss"),
        ResultsTable.of(results, new ResultsTable.Options(true, null, null, List.of())).columns());
  }

  @Test
  void sortsDescendingWithMissingValuesLast() {
    assertEquals(Arrays.asList(1L, 3L, 0L, 2L), table("-mAP50", null).column("num"));
    assertEquals(Arrays.asList(0L, 3L, 1L, 2L), table("mAP50", null).column("num"));
    assertEquals(Arrays.asList(1L, 3L, 0L, 2L), table("lr", null).column("num"));
  }

  @Test
  void filtersOverAnyColumnAndDropsRowsWithoutTheValue() {
    assertEquals(List.of(1L, 3L), table(null, "mAP50 > 0.55").column("num"));
    assertEquals(List.of(2L), table(null, "status == \"FAILED\"").column("num"));
    assertEquals(List.of(3L), table(null, "model == 'large' && lr < 0.05").column("num"));
  }

  @Test
  void columnsChooseAndOrder() {
    ResultsTable t = table(null, null, "mAP50", "num");
    assertEquals(List.of("mAP50", "num"), t.columns());
  }

  @Test
  void anUnknownMetricListsTheOnesThatExist() {
    ConfigException e = assertThrows(ConfigException.class, () -> table("-map", null));
    assertEquals("No job has a metric or column 'map'", e.getMessage());
    assertEquals(
        "metrics: mAP50, loss; parameters: lr, model, seed; and num, status," + " duration_s",
        e.hint());
    e = assertThrows(ConfigException.class, () -> table(null, "acc > 1"));
    assertTrue(e.getMessage().contains("names 'acc', which is not a column"), e.getMessage());
  }

  @Test
  void aFilterThatCannotWorkOnAnyRowIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> table(null, "model > 3"));
    assertTrue(
        e.getMessage().startsWith("The filter 'model > 3' failed on every job"), e.getMessage());
  }

  @Test
  void aFilterIsOneConditionInTheSweepFiltersLanguage() {
    ConfigException e = assertThrows(ConfigException.class, () -> table(null, "mAP50 <"));
    assertEquals("Cannot parse the filter 'mAP50 <': parsing error in '<'", e.getMessage());
    assertEquals("--filter mAP50 <", e.origin().toString());
    // statements and method calls are refused as by the sweep's --filter, not run
    e = assertThrows(ConfigException.class, () -> table(null, "mAP50 > 9; true"));
    assertEquals("Cannot parse the filter 'mAP50 > 9; true': parsing error in ';'", e.getMessage());
    e = assertThrows(ConfigException.class, () -> table(null, "model.length() > 1"));
    assertTrue(e.getMessage().endsWith("method call error in '.length(...)'"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> table(null, "model > 3"));
    assertEquals(
        "The filter 'model > 3' failed on every job: JEXL error : > error", e.getMessage());
  }

  @Test
  void completedJobsMissingAMetricAreReported() {
    assertEquals(List.of("no metric 'loss' (this job has: mAP50)"), results.row(3).problems());
    assertEquals(List.of(), results.row(2).problems()); // FAILED: its state says why
  }
}
