package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher itself against the real cluster, for what the CLI cannot easily provoke: a
 * submission that fails after the sweep directory exists, and a second launch of jobs SLURM still
 * holds.
 */
class SlurmLauncherIT {

  @TempDir static Path root;

  @BeforeAll
  static void cluster() {
    TestCluster.check("SlurmLauncherIT");
  }

  @BeforeEach
  void requireCluster() {
    TestCluster.require();
  }

  @AfterAll
  static void cancelLeftovers() {
    TestCluster.cancelAll(root);
  }

  private static List<JobSpec> jobs(Path sweep, int count, String... argv) throws IOException {
    List<JobSpec> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path dir = Files.createDirectories(sweep.resolve(String.valueOf(i)));
      jobs.add(
          new JobSpec(
              i,
              dir,
              List.of(argv),
              Map.of(),
              root,
              null,
              SlurmSettingsTest.yaml("timeout_min: 5\narray_parallelism: 4")));
    }
    return jobs;
  }

  private static Map<Integer, Path> dirs(List<JobSpec> jobs) {
    return jobs.stream()
        .collect(Collectors.toMap(JobSpec::num, JobSpec::jobDir, (a, b) -> a, TreeMap::new));
  }

  /** A client whose controller cannot be reached: the real config with a dead port. */
  private static SlurmClient unreachable() throws IOException {
    String text =
        Files.readAllLines(Path.of("/etc/slurm/slurm.conf")).stream()
                .filter(l -> !l.matches("(?i)\\s*(SlurmctldPort|MessageTimeout)\\s*=.*"))
                .collect(Collectors.joining("\n"))
            + "\nSlurmctldPort=1\nMessageTimeout=2\n";
    Path conf = Files.writeString(root.resolve("unreachable.conf"), text);
    return new SlurmClient(null, Map.of("SLURM_CONF", conf.toString()), Duration.ofSeconds(60));
  }

  @Test
  void aFailedSubmissionIsRecordedAndALaterLaunchSubmitsIt() throws IOException {
    Path sweep = Files.createDirectories(root.resolve("failed-submit"));
    List<JobSpec> jobs = jobs(sweep, 2, "true");

    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                new SlurmLauncher(unreachable(), false)
                    .launch(jobs, LaunchOptions.defaults(sweep)));
    assertTrue(e.getMessage().startsWith("SLURM controller unreachable"), e.getMessage());
    SubmissionLog.Array failed = SubmissionLog.read(sweep).arrays().get(0);
    assertNull(failed.arrayJobId());
    assertEquals(List.of(0, 1), failed.jobs());
    assertTrue(failed.error().contains("Unable to contact slurm controller"), failed.error());
    SlurmSweepStatus status = SlurmSweepStatus.read(sweep, dirs(jobs), new SlurmClient());
    assertEquals(JobState.PENDING, status.status(0).state());
    assertTrue(
        status.notes().get(0).startsWith("2 job(s) were not submitted"), status.notes().toString());

    SweepResult result =
        new SlurmLauncher(new SlurmClient(), true)
            .launch(jobs, LaunchOptions.defaults(sweep).withPrevious(SweepState.read(sweep)));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(2, result.counts().get(JobState.COMPLETED));
    List<SubmissionLog.Array> arrays = SubmissionLog.read(sweep).arrays();
    assertEquals(2, arrays.size());
    assertTrue(arrays.get(1).submittedOk());
    assertTrue(Files.isRegularFile(sweep.resolve("summary.json")));
  }

  /** A client that sees the real controller but no accounting: sacct says it is disabled. */
  private static SlurmClient withoutAccounting() throws IOException {
    String text =
        Files.readAllLines(Path.of("/etc/slurm/slurm.conf")).stream()
                .filter(l -> !l.matches("(?i)\\s*AccountingStorage\\w*\\s*=.*"))
                .collect(Collectors.joining("\n"))
            + "\nAccountingStorageType=accounting_storage/none\n";
    Path conf = Files.writeString(root.resolve("no-accounting.conf"), text);
    return new SlurmClient(null, Map.of("SLURM_CONF", conf.toString()), Duration.ofSeconds(60));
  }

  @Test
  void withoutAccountingStatesComeFromStatusFilesAndSqueue() throws IOException {
    Path sweep = Files.createDirectories(root.resolve("no-accounting"));
    List<JobSpec> jobs = jobs(sweep, 3, "bash", "-c", "exit $((HYDRA4J_NUM == 1))");
    List<JobSpec> numbered = new ArrayList<>();
    for (JobSpec j : jobs) {
      numbered.add(
          new JobSpec(
              j.num(),
              j.jobDir(),
              j.argv(),
              Map.of("HYDRA4J_NUM", String.valueOf(j.num())),
              j.workingDir(),
              null,
              j.launcher()));
    }
    SlurmClient client = withoutAccounting();
    SweepResult result =
        new SlurmLauncher(client, true).launch(numbered, LaunchOptions.defaults(sweep));
    assertEquals(1, result.exitCode(), result.toString());
    assertEquals(2, result.counts().get(JobState.COMPLETED));
    assertEquals(1, result.counts().get(JobState.FAILED));
    SlurmSweepStatus status = SlurmSweepStatus.read(sweep, dirs(jobs), client);
    assertTrue(
        status
            .notes()
            .get(0)
            .startsWith(
                "SLURM accounting is unavailable (Slurm" + " accounting storage is disabled)"),
        status.notes().toString());
    assertEquals(JobState.FAILED, status.status(1).state());
  }

  @Test
  void jobsSlurmStillHoldsAreNotSubmittedAgain() throws IOException {
    Path sweep = Files.createDirectories(root.resolve("twice"));
    List<JobSpec> jobs = jobs(sweep, 3, "sleep", "60");
    SlurmLauncher launcher = new SlurmLauncher(new SlurmClient(), false);
    SweepResult first = launcher.launch(JobSource.of(jobs), LaunchOptions.defaults(sweep));
    assertEquals(0, first.exitCode());
    assertEquals(3, first.counts().get(JobState.PENDING));

    SweepResult second = launcher.launch(JobSource.of(jobs), LaunchOptions.defaults(sweep));
    assertEquals(0, second.exitCode());
    assertEquals(1, SubmissionLog.read(sweep).arrays().size(), "submitted twice");
    assertTrue(
        Files.readString(sweep.resolve("launcher.log"))
            .contains("not resubmitted, still held by SLURM: 0-2"));

    SweepCancel.cancel(sweep, dirs(jobs), new SlurmClient(), System.out);
    SlurmSweepStatus after = SlurmSweepStatus.read(sweep, dirs(jobs), new SlurmClient());
    assertTrue(after.activeArrays().isEmpty(), after.statuses().toString());
  }
}
