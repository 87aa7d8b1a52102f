package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void replacesContentAndLeavesNoTempFile() throws IOException {
    Path file = dir.resolve("status.json");
    AtomicFiles.write(file, "first");
    AtomicFiles.write(file, "second");
    assertEquals("second", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  /** A reader racing a writer sees only whole versions. */
  @Test
  void concurrentReaderNeverSeesAPart() throws Exception {
    Path file = dir.resolve("status.json");
    AtomicFiles.write(file, AtomicWriterMain.version(0));
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 1; i <= 300; i++) {
                  AtomicFiles.write(
                      file, AtomicWriterMain.version(i).getBytes(StandardCharsets.UTF_8), false);
                }
              } catch (Throwable t) {
                failure.set(t);
              } finally {
                done.set(true);
              }
            });
    writer.start();
    int reads = 0;
    while (!done.get()) {
      String text = Files.readString(file);
      assertTrue(AtomicWriterMain.isWhole(text), () -> "torn read: " + text.length() + " chars");
      reads++;
    }
    writer.join();
    if (failure.get() != null) {
      fail(failure.get());
    }
    assertTrue(reads > 0);
  }

  /** A writer killed with SIGKILL at a random moment leaves the old or the new version. */
  @Test
  void killedWriterLeavesAWholeFile() throws Exception {
    long seed = Long.getLong("hydra4j.test.seed", System.nanoTime());
    System.out.println(
        "AtomicFilesTest seed " + seed + " (replay: -Dhydra4j.test.seed=" + seed + ")");
    Random random = new Random(seed);
    Path file = dir.resolve("status.json");
    for (int round = 0; round < 3; round++) {
      Process writer =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  AtomicWriterMain.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(file) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(50 + random.nextInt(300));
      writer.destroyForcibly().waitFor();

      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(AtomicWriterMain.isWhole(text), "torn file after SIGKILL, round " + round);
      Files.delete(file);
    }
  }
}
