package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A job that holds more memory than its {@code mem_gb} is stopped by the cluster while its sibling
 * within the limit completes: the local cluster enforces {@code --mem} (scripts/slurm-local.sh,
 * docs/slurm.md). With the cgroup task plugin SLURM's own verdict is OUT_OF_MEMORY; where the
 * machine only allows polling (SLURM_MEMORY=poll) SLURM 22.05 calls the kill FAILED, signal 9.
 */
class SlurmMemoryIT extends SlurmCliTest {

  @Test
  void aJobOverItsMemoryIsStoppedAndItsSiblingCompletes() throws Exception {
    boolean cgroups =
        command("scontrol", "show", "config").matches("(?s).*TaskPlugin\\s*=\\s*task/cgroup.*");
    // Each chunk is written, so it is resident: a zeroed bytearray would not be. The memory is
    // held a while, so that polling (once a second) sees it too.
    Path conf =
        project(
            "memory",
            """
        mb: 1
        hydra:
          launcher:
            mem_gb: 0.1
          job:
            command: [python3, -c, 'import sys, time; held = [b"x" * 2**20 for _ in range(int(sys.argv[1]))]; print(len(held), "MB held"); time.sleep(3)', '${mb}']
        """);
    CliRun run = sweep(conf, "mb=10,1000", "--wait");
    assertEquals(1, run.exitCode(), run.err());
    Path sweep = sweepDir(conf);

    JobStatus within = status(sweep, 0);
    assertEquals(JobState.COMPLETED, within.state(), within.toString());
    assertTrue(read(sweep.resolve("0").resolve("stdout.log")).contains("10 MB held"));
    JobStatus over = status(sweep, 1);
    String expected = cgroups ? "OUT_OF_MEMORY" : "FAILED";
    assertEquals(expected, over.state().name(), over.toString());

    long id = firstArrayId(sweep);
    // slurmctld tells slurmdbd a moment after the job ends.
    String sacct =
        await(
            "sacct to record the stopped task",
            Duration.ofMinutes(1),
            () -> sacct("-n", "-P", "-X", "-j", id + "_1", "-o", "State,ReqMem,ExitCode"),
            out -> !out.isBlank());
    assertEquals(expected + "|103M|" + (cgroups ? "0:125" : "0:9"), sacct.strip());
    CliRun status = CliRun.of("status", sweep.toString());
    assertTrue(status.out().contains("jobs    2 (1 COMPLETED, 1 " + expected + ")"), status.out());
  }

  private static String sacct(String... args) {
    String[] argv = new String[args.length + 1];
    argv[0] = "sacct";
    System.arraycopy(args, 0, argv, 1, args.length);
    try {
      return command(argv);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
