package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.launch.slurm.TestCluster;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the CLI tests against the real SLURM cluster (scripts/slurm-local.sh up): they are
 * skipped without one, except under {@code CI=true}, where that fails them, and every array they
 * leave queued is cancelled at the end. Helpers: small projects choosing the SLURM launcher, sweeps
 * run through {@link Main#run}, and the real SLURM commands to look at or disturb what they
 * submitted.
 */
abstract class SlurmCliTest {

  @TempDir static Path root;

  @BeforeAll
  static void cluster() {
    TestCluster.check("the SLURM CLI tests");
  }

  @BeforeEach
  void requireCluster() {
    TestCluster.require();
  }

  @AfterAll
  static void cancelLeftovers() {
    TestCluster.cancelAll(root);
  }

  /** A project: conf/config.yaml choosing the SLURM launcher, plus {@code yaml}. */
  static Path project(String name, String yaml) throws IOException {
    Path conf = Files.createDirectories(root.resolve(name).resolve("conf"));
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        defaults:
          - override hydra/launcher: slurm
          - _self_
        """
            + yaml);
    return conf;
  }

  static Path sweepDir(Path conf) {
    return conf.resolveSibling("sweep");
  }

  /** {@code hydra4j -cp CONF -m hydra.sweep.dir=... ARGS} in this JVM. */
  static CliRun sweep(Path conf, String... args) {
    List<String> all =
        new ArrayList<>(List.of("-cp", conf.toString(), "-m", "hydra.sweep.dir=" + sweepDir(conf)));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    System.out.println("hydra4j " + all + " -> " + run.exitCode() + "\n" + run.out() + run.err());
    return run;
  }

  /** {@link #sweep} without waiting: it must submit (exit 0); returns the sweep directory. */
  static Path submitted(Path conf, String... args) {
    CliRun run = sweep(conf, args);
    assertEquals(0, run.exitCode(), run.err());
    return sweepDir(conf);
  }

  /** {@link #sweep} on another thread, for a {@code --wait} the test disturbs meanwhile. */
  static CompletableFuture<CliRun> sweepAsync(Path conf, String... args) {
    return CompletableFuture.supplyAsync(() -> sweep(conf, args));
  }

  /** The sweep's result; fails when it does not end within {@code patience}: a hang. */
  static CliRun finished(CompletableFuture<CliRun> run, Duration patience) throws Exception {
    try {
      return run.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return fail("the sweep did not end within " + patience + ": it hangs");
    }
  }

  static JobStatus status(Path sweep, int num) {
    return StatusFile.read(sweep.resolve(String.valueOf(num)), num);
  }

  static List<JobStatus> statuses(Path sweep, int count) {
    List<JobStatus> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(status(sweep, i));
    }
    return all;
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The id of the sweep's first array, once it is recorded. */
  static long firstArrayId(Path sweep) throws InterruptedException {
    return await(
        "the first array to be submitted",
        Duration.ofMinutes(1),
        () ->
            Files.isRegularFile(sweep.resolve(SubmissionLog.NAME))
                    && !SubmissionLog.read(sweep).arrayJobIds().isEmpty()
                ? SubmissionLog.read(sweep).arrayJobIds().iterator().next()
                : null,
        id -> id != null);
  }

  static <T> T await(String what, Duration patience, Supplier<T> poll, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    T last = poll.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        fail("gave up waiting for " + what + "; last seen: " + last);
      }
      Thread.sleep(500);
      last = poll.get();
    }
    return last;
  }

  /** Runs a SLURM command (or any), returning its standard output; it must succeed. */
  static String command(String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
    return out;
  }

  /** Runs a command whose failure does not matter (restoring state). */
  static void quietly(String... argv) {
    try {
      new ProcessBuilder(argv)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException | InterruptedException e) {
      System.err.println(String.join(" ", argv) + ": " + e);
    }
  }
}
