package dev.hydra4j.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.sweep.SweepOptions;
import dev.hydra4j.sweep.SweepPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Hydra's basic sweeper lines up a job's overrides, beyond the golden cases: the config's
 * {@code hydra.sweeper.params} come before the command line, a key given again keeps its first
 * place, and values that are not swept are re-printed in Hydra's canonical form. The order is the
 * order of the product, so it decides the job numbers.
 */
class SweepOrderTest {

  @TempDir Path conf;

  private List<String> jobs(String config, String... overrides) throws IOException {
    Files.writeString(conf.resolve("config.yaml"), config);
    Composer composer =
        Composers.create(SearchPath.of(conf), ZonedDateTime.now(java.time.ZoneId.systemDefault()));
    SweepPlan plan =
        SweepPlan.create(
            composer,
            "config",
            Arrays.stream(overrides).map(OverrideParser::parse).toList(),
            SweepOptions.NONE);
    JobPreparer preparer =
        new JobPreparer(
            composer, "config", RunMode.MULTIRUN, conf.resolve("sweep"), List.of("true"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      PreparedJob job = preparer.prepare(plan.job(i).num(), plan.job(i).overrides());
      out.add(
          String.join(" ", job.composition().taskOverrides())
              + " | "
              + new HydraSettings(job.composition()).text("hydra.job.override_dirname", null));
    }
    return out;
  }

  @Test
  void sweeperParamsComeFirst() throws IOException {
    assertEquals(
        List.of(
            "seed=1 lr=0.1 | lr=0.1,seed=1",
            "seed=1 lr=0.2 | lr=0.2,seed=1",
            "seed=2 lr=0.1 | lr=0.1,seed=2",
            "seed=2 lr=0.2 | lr=0.2,seed=2"),
        jobs("lr: 0\nseed: 0\nhydra:\n  sweeper:\n    params:\n      seed: 1,2\n", "lr=0.1,0.2"));
  }

  @Test
  void aKeyGivenAgainKeepsItsFirstPlace() throws IOException {
    assertEquals(
        List.of("db=1 seed=7 | db=1,seed=7", "db=2 seed=7 | db=2,seed=7"),
        jobs(
            "db: 0\nseed: 0\nhydra:\n  sweeper:\n    params:\n      db: 1,2\n"
                + "      seed: 3,4\n",
            "seed=7"));
    assertEquals(
        List.of(
            "seed=5 lr=0.1 | lr=0.1,seed=5",
            "seed=5 lr=0.2 | lr=0.2,seed=5",
            "seed=6 lr=0.1 | lr=0.1,seed=6",
            "seed=6 lr=0.2 | lr=0.2,seed=6"),
        jobs("lr: 0\nseed: 0\n", "seed=1", "lr=0.1,0.2", "seed=5,6"));
  }

  /** Hydra sorts the typed lines, joins them, then replaces every '=' by kv_sep. */
  @Test
  void overrideDirnameReplacesEveryEqualsSign() throws IOException {
    assertEquals(
        List.of("ab=1 a=2 name='x=y' | a~2/ab~1/name~'x~y'"),
        jobs(
            "a: 0\nab: 0\nname: n\n",
            "ab=1",
            "a=2",
            "name='x=y'",
            "hydra.job.config.override_dirname.kv_sep='~'",
            "hydra.job.config.override_dirname.item_sep='/'"));
  }

  @Test
  void fixedValuesInHydraCanonicalForm() throws IOException {
    assertEquals(
        List.of(
            "flag=True lr=0.001 name='a b' +l=[1,2] seed=1"
                + " | +l=[1,2],flag=True,lr=0.001,name='a b',seed=1",
            "flag=True lr=0.001 name='a b' +l=[1,2] seed=2"
                + " | +l=[1,2],flag=True,lr=0.001,name='a b',seed=2"),
        jobs(
            "flag: false\nlr: 0\nname: x\nseed: 0\n",
            "flag=true",
            "lr=1e-3",
            "name='a b'",
            "+l=[1, 2]",
            "seed=1,2"));
  }
}
