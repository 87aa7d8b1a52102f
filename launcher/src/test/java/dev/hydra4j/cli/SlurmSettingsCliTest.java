package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nonsense SLURM settings through the CLI: each is refused before anything is written or any SLURM
 * command runs (so no cluster is needed), with exit 2, the setting, where it was set and an example
 * of a good value, and never a stack trace. (A one-job sweep: with more, the same error is listed
 * once per job.)
 */
class SlurmSettingsCliTest {

  @TempDir Path dir;

  private Path conf() throws IOException {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(
        conf.resolve("config.yaml"),
        """
        defaults:
          - override hydra/launcher: slurm
          - _self_
        x: 0
        hydra:
          job:
            command: ['true']
        """);
    return conf;
  }

  private CliRun sweep(Path conf, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "-cp";
    args[1] = conf.toString();
    args[2] = "-m";
    args[3] = "hydra.sweep.dir=" + dir.resolve("sweep");
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.of(args);
  }

  private void assertRefused(CliRun run, String message, String where) {
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("error: " + message), run.err());
    assertTrue(run.err().contains("\n  at " + where), run.err());
    assertTrue(run.err().contains("\n  hint: "), run.err());
    assertFalse(run.err().contains("\tat "), "a stack trace: " + run.err());
    assertEquals("", run.out());
    assertFalse(Files.exists(dir.resolve("sweep")), "something was written");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hydra.launcher.timeout_min=-5 | hydra.launcher.timeout_min must be minutes greater than 0, not -5",
        "hydra.launcher.array_parallelism=0 | hydra.launcher.array_parallelism must be a whole number of at least 1, not 0",
        "hydra.launcher.mem_per_cpu=12XB | hydra.launcher.mem_per_cpu must be megabytes (e.g. 4096) or a size with a unit (e.g. 4G, 500M), not '12XB'",
        "hydra.launcher.partition=gpu/x | hydra.launcher.partition must be a name of letters, digits, '_', '.' or '-' (several separated by commas), not 'gpu/x'",
        "hydra.launcher.exclude='n1 n2' | hydra.launcher.exclude must be node names such as node7 or node[1-3], separated by commas, not 'n1 n2'",
        "hydra.launcher.gres='gpu 2' | hydra.launcher.gres must be generic resources such as gpu:2 or gpu:a100:2, separated by commas, not 'gpu 2'",
        "hydra.launcher.cpus_per_task=2.5 | hydra.launcher.cpus_per_task must be a whole number of at least 1, not 2.5",
        "hydra.launcher.nodes=0 | hydra.launcher.nodes must be a whole number of at least 1, not 0",
        "hydra.launcher.max_num_timeout=-1 | hydra.launcher.max_num_timeout must be a whole number of at least 0, not -1",
        "hydra.launcher.signal_delay_s=600 | hydra.launcher.signal_delay_s=600 is not shorter than the time limit",
        "hydra.launcher.mem_gb=-2 | hydra.launcher.mem_gb must be a number of gigabytes greater than 0, not -2",
        "+hydra.launcher.additional_parameters.ntasks=2 | --ntasks is set through hydra.launcher.nodes and hydra.launcher.tasks_per_node",
        "+hydra.launcher.partitoin=gpu | Unknown key 'partitoin' in hydra.launcher (the slurm launcher)"
      })
  void aNonsenseSettingIsRefusedAtItsOverride(String override, String message) throws IOException {
    // signal_delay_s=600 against the default timeout_min of 60 minutes would be fine.
    String[] extra =
        override.contains("signal_delay_s")
            ? new String[] {"x=0", override, "hydra.launcher.timeout_min=10"}
            : new String[] {"x=0", override};
    assertRefused(sweep(conf(), extra), message, "override '" + override + "'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hydra.launcher.jobs_per_task=0 | hydra.launcher.jobs_per_task must be a whole number of at least 1, not 0",
        "hydra.launcher.jobs_per_task=100000 | hydra.launcher.jobs_per_task=100000 is more than 1000 jobs in one task",
        "hydra.launcher.cpus_per_job=4 | hydra.launcher.cpus_per_job=4 does not divide the task's hydra.launcher.cpus_per_task=6",
        "hydra.launcher.gpus_per_job=2 | hydra.launcher.gpus_per_job=2 does not divide the task's 3 GPUs"
      })
  void packingThatDoesNotDivideIsRefusedAtItsOverride(String override, String message)
      throws IOException {
    String[] extra = {
      "x=0",
      "hydra.launcher.cpus_per_task=6",
      "hydra.launcher.gpus_per_task=3",
      override.contains("jobs_per_task") ? override : "hydra.launcher.jobs_per_task=4",
      override.contains("jobs_per_task") ? "hydra.launcher.nodes=1" : override
    };
    assertRefused(sweep(conf(), extra), message, "override '" + override + "'");
  }

  @Test
  void aNonsenseSettingInAFileIsRefusedAtItsLine() throws IOException {
    Path conf = conf();
    Files.createDirectories(conf.resolve("hydra/launcher"));
    Files.writeString(
        conf.resolve("hydra/launcher/slurm.yaml"), "partition: debug\ntimeout_min: -5\n");
    assertRefused(
        sweep(conf, "x=0"),
        "hydra.launcher.timeout_min must be minutes greater than 0, not -5",
        conf.resolve("hydra/launcher/slurm.yaml") + ":2:14");
  }
}
