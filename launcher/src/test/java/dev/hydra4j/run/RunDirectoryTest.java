package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

  @TempDir Path root;

  @Test
  void takenNamesGetASuffix() {
    Path wanted = root.resolve("multirun/2025-01-31/12-00-00");
    assertEquals(wanted, RunDirectory.createExclusive(wanted, "hydra.sweep.dir"));
    assertEquals(
        root.resolve("multirun/2025-01-31/12-00-00_1"),
        RunDirectory.createExclusive(wanted, "hydra.sweep.dir"));
    assertEquals(
        root.resolve("multirun/2025-01-31/12-00-00_2"),
        RunDirectory.createExclusive(wanted, "hydra.sweep.dir"));
  }

  @Test
  void concurrentCallersNeverShare() throws Exception {
    int threads = 32;
    Path wanted = root.resolve("outputs/12-00-00");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Path>> created = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      created.add(
          pool.submit(
              () -> {
                go.await();
                return RunDirectory.createExclusive(wanted, null);
              }));
    }
    go.countDown();
    Set<Path> distinct = new HashSet<>();
    for (Future<Path> f : created) {
      distinct.add(f.get());
    }
    pool.shutdown();
    assertEquals(threads, distinct.size());
    try (Stream<Path> dirs = Files.list(wanted.getParent())) {
      assertEquals(threads, dirs.count());
    }
  }

  @Test
  void parentThatIsAFileFailsWithTheDirAndAFix() throws IOException {
    Files.writeString(root.resolve("outputs"), "not a dir");
    Path wanted = root.resolve("outputs/2025-01-31");

    ConfigException create =
        assertThrows(
            ConfigException.class, () -> RunDirectory.createExclusive(wanted, "hydra.run.dir"));
    ConfigException check =
        assertThrows(
            ConfigException.class, () -> RunDirectory.requireWritable(wanted, "hydra.run.dir"));

    for (ConfigException e : List.of(create, check)) {
      assertTrue(e.getMessage().contains(wanted.toString()), e.getMessage());
      assertTrue(e.hint().contains("hydra.run.dir="), e.hint());
    }
  }

  @Test
  void writableCheckLeavesNothingBehind() throws IOException {
    RunDirectory.requireWritable(root.resolve("a/b/c"), "hydra.sweep.dir");
    assertFalse(Files.exists(root.resolve("a")));
    try (Stream<Path> files = Files.list(root)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedFailsEarly() throws IOException {
    // A regular file where a parent directory should be: no directory can be made below
    // it, whoever runs the test (root ignores permission bits, so they prove nothing).
    Path file = Files.writeString(root.resolve("not-a-dir"), "x");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> RunDirectory.requireWritable(file.resolve("sweep"), "hydra.sweep.dir"));
    assertTrue(e.getMessage().contains(file.resolve("sweep").toString()), e.getMessage());
    assertTrue(e.hint().contains("hydra.sweep.dir="), e.hint());
  }

  @Test
  void aProcFileSystemPathFailsEvenForRoot() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                RunDirectory.requireWritable(
                    Path.of("/proc/hydra4j-test/sweep"), "hydra.sweep.dir"));
    assertTrue(e.getMessage().contains("/proc/hydra4j-test/sweep"), e.getMessage());
  }
}
