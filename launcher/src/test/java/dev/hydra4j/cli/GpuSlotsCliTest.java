package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local launcher's GPU slots from the command line: the plan {@code --dry-run} shows, a bad
 * list refused before anything is written, and {@code resume} handing out the saved sweep's slots
 * again. The CLI runs in-process; the jobs are real processes.
 */
@Timeout(60)
class GpuSlotsCliTest {

  @TempDir Path temp;
  private Path conf;
  private Path sweepDir;

  @BeforeEach
  void tree() throws IOException {
    conf = Files.createDirectories(temp.resolve("conf"));
    sweepDir = temp.resolve("multirun/sweep");
    // Job x fails while the file fail.x exists; it prints the GPUs it was given.
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        x: 0
        hydra:
          launcher:
            n_jobs: 4
            gpus: [2, 5, 6, 8]
            gpus_per_job: 2
          job:
            command: [sh, -c, 'echo "gpus $CUDA_VISIBLE_DEVICES"; [ ! -e "$0/fail.$1" ]', '%s', '${x}']
        """
            .formatted(temp));
  }

  private CliRun cli(String... args) {
    List<String> argv =
        new ArrayList<>(List.of("-cp", conf.toString(), "-m", "hydra.sweep.dir=" + sweepDir));
    argv.addAll(List.of(args));
    return CliRun.of(argv.toArray(String[]::new));
  }

  @Test
  void dryRunShowsTheSlotsAndTheCap() {
    CliRun run = cli("x=range(0,3)", "--dry-run");
    assertEquals(0, run.exitCode(), run.err());
    String out = run.out();
    assertTrue(
        out.contains(
            "GPU slots: 2, of 2 GPU(s) each; at most 2 job(s) at once"
                + " (n_jobs=4, capped by the slots)\n"
                + "  slot 0: CUDA_VISIBLE_DEVICES=2,5\n"
                + "  slot 1: CUDA_VISIBLE_DEVICES=6,8\n"),
        out);
    assertTrue(out.contains("which job gets which slot is decided then"), out);
    assertFalse(Files.exists(sweepDir));
  }

  @Test
  void aDuplicateGpuIsRefusedBeforeAnythingIsWritten() {
    CliRun run = cli("x=range(0,3)", "hydra.launcher.gpus=[0,1,0]");
    assertEquals(2, run.exitCode());
    assertTrue(
        run.err()
            .startsWith(
                "error: hydra.launcher.gpus lists 0 twice (items 0 and 2)\n"
                    + "  at override 'hydra.launcher.gpus=[0,1,0]'"),
        run.err());
    assertFalse(Files.exists(sweepDir));
  }

  @Test
  void jobsGetTheirSlotsAndResumeHandsThemOutAgain() throws IOException {
    Files.writeString(temp.resolve("fail.1"), "");
    CliRun first = cli("x=range(0,4)");
    assertEquals(1, first.exitCode(), first.err());
    Set<String> slots = Set.of("2,5", "6,8");
    for (int num = 0; num < 4; num++) {
      String had =
          StatusFile.read(sweepDir.resolve("" + num), num).extra().get("cuda_visible_devices");
      assertTrue(slots.contains(had), had);
      assertEquals("gpus " + had + "\n", Files.readString(sweepDir.resolve(num + "/stdout.log")));
    }

    Files.delete(temp.resolve("fail.1"));
    CliRun resumed = CliRun.of("resume", sweepDir.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    String had = StatusFile.read(sweepDir.resolve("1"), 1).extra().get("cuda_visible_devices");
    assertTrue(slots.contains(had), had);
    assertEquals("gpus " + had + "\n", Files.readString(sweepDir.resolve("1/stdout.log")));
  }
}
