package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StatusFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill} of a local sweep running in another JVM: its launcher stops as on Ctrl-C. */
class KillLocalSweepIT {

  @TempDir Path root;

  @Test
  void killAsksTheLaunchersProcessToStop() throws Exception {
    Path conf = Files.createDirectories(root.resolve("conf"));
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        x: 0
        hydra:
          launcher:
            n_jobs: 2
            kill_grace_s: 2
          job:
            command: [sleep, '60']
        """);
    Path sweep = root.resolve("sweep");
    Process launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hydra4j.cli.Main",
                "-cp",
                conf.toString(),
                "-m",
                "hydra.sweep.dir=" + sweep,
                "x=range(0,4)")
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("launcher.out").toFile())
            .start();
    try {
      for (int i = 0;
          !(Files.exists(sweep.resolve("launcher.json"))
              && StatusFile.read(sweep.resolve("1"), 1).state() == JobState.RUNNING);
          i++) {
        if (i > 300) {
          fail("the sweep did not start: " + Files.readString(root.resolve("launcher.out")));
        }
        Thread.sleep(100);
      }
      CliRun status = CliRun.of("status", sweep.toString());
      assertTrue(status.out().contains("launcher pid " + launcher.pid()), status.out());

      CliRun kill = CliRun.of("kill", sweep.toString());
      assertEquals(0, kill.exitCode(), kill.out() + kill.err());
      assertTrue(
          kill.out().contains("asked the sweep's launcher (pid " + launcher.pid()), kill.out());
      assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
      assertEquals(130, launcher.exitValue());
      assertTrue(kill.out().contains("stopped; hydra4j resume"), kill.out());
      for (int num : List.of(0, 1)) {
        assertEquals(JobState.INTERRUPTED, StatusFile.read(sweep.resolve("" + num), num).state());
      }
      assertEquals(JobState.PENDING, StatusFile.read(sweep.resolve("2"), 2).state());
      assertFalse(Files.exists(sweep.resolve("launcher.json")));
      CliRun again = CliRun.of("kill", sweep.toString());
      assertTrue(again.out().startsWith("nothing to stop"), again.out());
    } finally {
      launcher.destroyForcibly();
      System.out.println(Files.readString(root.resolve("launcher.out"), StandardCharsets.UTF_8));
    }
  }
}
