package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure policy over a whole sweep, batches ({@code hydra.sweeper.max_batch_size}) included,
 * and a summary that always lists every job of the sweep. The CLI runs in-process; every job
 * appends its number to a log and fails until {@code fixed} exists.
 */
@Timeout(60)
class SweepPolicyTest {

  @TempDir Path temp;
  private Path conf;
  private Path sweepDir;
  private Path ran;

  @BeforeEach
  void tree() throws IOException {
    conf = temp.resolve("conf");
    sweepDir = temp.resolve("multirun/sweep");
    ran = temp.resolve("ran.txt");
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("config.yaml"), "seed: 0\n");
  }

  private CliRun sweep(String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-cp", conf.toString(), "-m", "hydra.sweep.dir=" + sweepDir, "seed=range(0,4)"));
    args.addAll(List.of(settings));
    args.addAll(
        List.of(
            "--",
            "sh",
            "-c",
            "echo $0 >> \"$1\"; [ -e \"$2\" ]",
            "${seed}",
            ran.toString(),
            temp.resolve("fixed").toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void failFastStopsLaterBatchesToo() {
    CliRun run = sweep("hydra.sweeper.max_batch_size=1", "hydra.launcher.on_failure=fail-fast");
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(List.of("0"), lines(ran));
    assertEquals(List.of("FAILED", "PENDING", "PENDING", "PENDING"), states());
    assertTrue(run.err().contains("stopping after 1 failed job"), run.err());
  }

  @Test
  void maxFailuresCountsAcrossBatches() {
    CliRun run = sweep("hydra.sweeper.max_batch_size=1", "hydra.launcher.max_failures=2");
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(List.of("0", "1"), lines(ran));
    assertEquals(List.of("FAILED", "FAILED", "PENDING", "PENDING"), states());
  }

  @Test
  void theSummaryListsEveryJobAfterARerun() throws IOException {
    assertEquals(1, sweep("hydra.launcher.on_failure=fail-fast").exitCode());
    assertEquals(List.of("FAILED", "PENDING", "PENDING", "PENDING"), states());
    Files.writeString(temp.resolve("fixed"), "");
    CliRun rerun = CliRun.of("rerun", "--failed", sweepDir.toString());
    assertEquals(1, rerun.exitCode(), "three jobs have still not run:\n" + rerun.err());
    assertEquals(List.of("COMPLETED", "PENDING", "PENDING", "PENDING"), states());
    assertEquals(4, Workspace.json(sweepDir.resolve("summary.json")).get("total").asInt());
    CliRun resume = CliRun.of("resume", sweepDir.toString());
    assertEquals(0, resume.exitCode(), resume.err());
    assertEquals(List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"), states());
    assertEquals(List.of("0", "0", "1", "2", "3"), lines(ran));
  }

  private List<String> states() {
    List<String> out = new ArrayList<>();
    JsonNode summary = Workspace.json(sweepDir.resolve("summary.json"));
    summary.get("jobs").forEach(j -> out.add(j.get("state").asText()));
    return out;
  }

  private static List<String> lines(Path file) {
    return Workspace.read(file).lines().sorted().toList();
  }
}
