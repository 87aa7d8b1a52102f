package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps far larger than memory, in a real hydra4j JVM with a small heap: a planned sweep streams
 * its dry-run JSON (the whole plan is several times the heap), and a sweep over {@code
 * hydra.sweeper.max_jobs} is refused before its values are listed, naming its size.
 */
@Timeout(180)
class HugeSweepTest {

  private static final String HEAP = "-Xmx32m";

  @TempDir Path temp;
  private Path conf;

  @BeforeEach
  void tree() throws IOException {
    conf = temp.resolve("conf");
    Files.createDirectories(conf);
    // 4,000 characters per job: 10,000 jobs print 40 MB of JSON, more than the heap.
    Files.writeString(conf.resolve("config.yaml"), "seed: 0\nblob: " + "x".repeat(4000) + "\n");
  }

  @Test
  void aDryRunLargerThanTheHeapStreamsItsJson() throws Exception {
    Result run =
        hydra4j(
            "-m",
            "--dry-run",
            "--format",
            "json",
            "seed=range(10000)",
            "hydra.sweeper.max_jobs=10000",
            "--",
            "true");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.outBytes() > 40_000_000, "the plan is larger than the heap: " + run.outBytes());
    assertEquals(10_000, run.jobs(), "every job printed");
  }

  @Test
  void aSweepOverTheLimitIsRefusedBeforeItsValuesAreListed() throws Exception {
    Result run = hydra4j("-m", "--dry-run", "seed=range(100000000)", "--", "true");
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                "error: The sweep is too large: 100000000 values in"
                    + " 'seed=range(100000000)', more than the limit of 100000 jobs"),
        run.err());
    assertTrue(run.err().contains("hydra.sweeper.max_jobs="), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertEquals(0, run.outBytes());
    assertFalse(Files.exists(temp.resolve("multirun")), "nothing written");
  }

  private record Result(int exitCode, long outBytes, long jobs, String err) {}

  private Result hydra4j(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "-cp",
                conf.toString(),
                "hydra.sweep.dir=" + temp.resolve("multirun")));
    command.addAll(List.of(args));
    Path out = temp.resolve("out.json");
    Path err = temp.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(temp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(150, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("hydra4j still running after 150 s");
    }
    long jobs = 0;
    try (var lines = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      char[] buffer = new char[1 << 16];
      String marker = "\"num\":";
      int matched = 0;
      for (int n = lines.read(buffer); n > 0; n = lines.read(buffer)) {
        for (int i = 0; i < n; i++) {
          matched =
              buffer[i] == marker.charAt(matched)
                  ? matched + 1
                  : buffer[i] == marker.charAt(0) ? 1 : 0;
          if (matched == marker.length()) {
            jobs++;
            matched = 0;
          }
        }
      }
    }
    return new Result(process.exitValue(), Files.size(out), jobs, Files.readString(err));
  }
}
