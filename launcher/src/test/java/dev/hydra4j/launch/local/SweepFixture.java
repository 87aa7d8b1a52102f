package dev.hydra4j.launch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A sweep directory and jobs that are small shell scripts, for the launcher tests. */
final class SweepFixture {

  final Path sweepDir;

  SweepFixture(Path root) {
    this.sweepDir = root.resolve("sweep");
  }

  /** Job {@code num} running {@code sh -c script sh args...} in the sweep dir. */
  JobSpec shell(int num, String script, String... args) {
    return shell(num, null, script, args);
  }

  JobSpec shell(int num, Duration timeout, String script, String... args) {
    List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
    argv.addAll(List.of(args));
    return new JobSpec(num, jobDir(num), argv, Map.of(), sweepDir, timeout);
  }

  List<JobSpec> shells(int count, String script) {
    List<JobSpec> jobs = new ArrayList<>();
    for (int num = 0; num < count; num++) {
      jobs.add(shell(num, script, Integer.toString(num)));
    }
    return jobs;
  }

  Path jobDir(int num) {
    return sweepDir.resolve(Integer.toString(num));
  }

  LaunchOptions options() {
    return LaunchOptions.defaults(sweepDir).withKillGrace(Duration.ofSeconds(2));
  }

  /** Job {@code num}'s state as every reader sees it (the journal first). */
  JobStatus status(int num) {
    try {
      return SweepState.read(sweepDir, Map.of(num, jobDir(num))).status(num);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Job {@code num}'s {@code status.json}, the copy of the journal in its directory. */
  JobStatus statusFile(int num) {
    return StatusFile.read(jobDir(num), num);
  }

  String read(int num, String file) throws IOException {
    return Files.readString(jobDir(num).resolve(file));
  }

  JsonNode summary() throws IOException {
    return new ObjectMapper().readTree(sweepDir.resolve("summary.json").toFile());
  }

  /** Waits up to a minute for {@code condition}; fails the test if it never holds. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  /** True when the process with this pid has exited (or is a zombie nobody reaped yet). */
  static boolean isGone(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return true;
    }
    try {
      String text = Files.readString(stat);
      return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }
}
