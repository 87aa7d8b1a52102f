package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} of a single run's directory: its one job, and why it failed. */
@Timeout(60)
class SingleRunStatusTest {

  @TempDir Path temp;

  @Test
  void showsTheRunsStateAndTheEndOfItsStderr() throws IOException {
    Path conf = Files.createDirectories(temp.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), "x: 1\n");
    Path runDir = temp.resolve("outputs/run");
    CliRun run =
        CliRun.of(
            "-cp",
            conf.toString(),
            "hydra.run.dir=" + runDir,
            "--",
            "sh",
            "-c",
            "echo 'it broke' >&2; exit 3");
    assertEquals(1, run.exitCode(), run.err());

    CliRun status = CliRun.of("status", runDir.toString());
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("FAILED (exit code 3)"), status.out());
    assertTrue(status.out().contains("| it broke"), status.out());
  }
}
