package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hydra4j.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The SLURM cluster integration tests run against (start one with scripts/slurm-local.sh up), as
 * SlurmClientIT checks it: without one the tests are skipped with the reason, except under {@code
 * CI=true}, where a missing cluster is a failure.
 */
public final class TestCluster {

  private static String unusable;
  private static boolean asked;

  private TestCluster() {}

  /** Call from {@code @BeforeAll}: fails under CI=true when there is no cluster. */
  public static synchronized void check(String testClass) {
    if (asked) {
      return;
    }
    asked = true;
    // short limit: without slurm.conf, sinfo retries for 60 s before it gives up
    SlurmClient quick = new SlurmClient(null, Map.of(), Duration.ofSeconds(20));
    try {
      System.out.println(testClass + ": sinfo says: " + quick.checkReachable());
    } catch (ConfigException e) {
      unusable = "no usable SLURM cluster: " + e.render();
      if ("true".equals(System.getenv("CI"))) {
        fail(unusable + "\nCI=true requires one: run scripts/slurm-local.sh up before the tests");
      }
      unusable += "\n(start one with scripts/slurm-local.sh up)";
      System.err.println(testClass + " skipped: " + unusable);
    }
  }

  /** Call from {@code @BeforeEach}, so that the report counts each test as skipped. */
  public static void require() {
    Assumptions.assumeTrue(unusable == null, () -> unusable);
  }

  /** Cancels every array recorded in a slurm.json below {@code root}: nothing stays queued. */
  public static void cancelAll(Path root) {
    if (unusable != null || root == null || !Files.isDirectory(root)) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.getFileName().toString().equals(SubmissionLog.NAME))
          .forEach(p -> ids.addAll(SubmissionLog.read(p.getParent()).arrayJobIds()));
    } catch (IOException e) {
      System.err.println("cannot look for test sweeps in " + root + ": " + e);
    }
    if (!ids.isEmpty()) {
      new SlurmClient().cancel(ids);
    }
  }
}
