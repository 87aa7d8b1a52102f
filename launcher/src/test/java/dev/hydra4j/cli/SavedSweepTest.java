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
 * The commands that work on a sweep already on disk: {@code rerun} runs exactly the jobs in the
 * chosen states, {@code run-job} runs one in the foreground, {@code resume} leaves a finished sweep
 * alone. The CLI runs in-process; every job appends its number to a log.
 */
@Timeout(60)
class SavedSweepTest {

  @TempDir Path temp;
  private Path conf;
  private Path sweepDir;
  private Path ran;
  private Path fixed;

  @BeforeEach
  void tree() throws IOException {
    conf = temp.resolve("conf");
    sweepDir = temp.resolve("multirun/sweep");
    ran = temp.resolve("ran.txt");
    fixed = temp.resolve("fixed");
    Files.createDirectories(conf);
    Files.writeString(conf.resolve("config.yaml"), "seed: 0\n");
  }

  /** Seeds 1..6; the even ones fail until the file {@code fixed} exists. */
  private CliRun sweep() {
    return CliRun.of(
        "-cp",
        conf.toString(),
        "-m",
        "hydra.sweep.dir=" + sweepDir,
        "seed=range(1,7)",
        "--",
        "sh",
        "-c",
        "echo $0 >> \"$1\"; echo \"job $0 out\"; [ -e \"$2\" ] || [ $(($0 % 2)) = 1 ]",
        "${seed}",
        ran.toString(),
        fixed.toString());
  }

  @Test
  void aBadLauncherSettingOnRerunIsRefusedBeforeAnyJobRuns() throws IOException {
    assertEquals(1, sweep().exitCode());
    List<String> before = states();
    Files.writeString(ran, "");
    for (String setting :
        List.of(
            "hydra.launcher.retries=-1",
            "hydra.launcher.timeout_min=-5",
            "hydra.launcher.n_jobs=2147483648",
            "hydra.launcher.kill_grace_s=-1")) {
      CliRun rerun = CliRun.of("rerun", "--failed", sweepDir.toString(), setting);
      assertEquals(2, rerun.exitCode(), rerun.err());
      assertTrue(
          rerun
              .err()
              .startsWith("error: " + setting.substring(0, setting.indexOf('=')) + " must be"),
          rerun.err());
      assertTrue(rerun.err().contains("at override '" + setting + "'"), rerun.err());
    }
    assertEquals(List.of(), lines(ran), "no job ran");
    assertEquals(before, states());
  }

  @Test
  void rerunFailedRunsExactlyTheFailedJobs() throws IOException {
    assertEquals(1, sweep().exitCode());
    assertEquals(
        List.of("COMPLETED", "FAILED", "COMPLETED", "FAILED", "COMPLETED", "FAILED"), states());
    Files.writeString(ran, "");
    Files.writeString(fixed, "");

    CliRun rerun = CliRun.of("rerun", "--failed", sweepDir.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    assertEquals(List.of("2", "4", "6"), lines(ran), "only the failed jobs ran");
    assertEquals(
        List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"),
        states());
    assertEquals(2, json(sweepDir.resolve("1/status.json")).get("attempt").asInt());
    assertEquals(1, json(sweepDir.resolve("0/status.json")).get("attempt").asInt());
    assertTrue(rerun.err().contains("running 3 of 6 jobs"), rerun.err());

    Files.writeString(ran, "");
    CliRun none = CliRun.of("rerun", "--failed", sweepDir.toString());
    assertEquals(0, none.exitCode(), none.err());
    CliRun resume = CliRun.of("resume", sweepDir.toString());
    assertEquals(0, resume.exitCode(), resume.err());
    assertTrue(resume.err().contains("nothing to resume"), resume.err());
    assertEquals(List.of(), lines(ran), "a finished sweep runs nothing");
  }

  /**
   * The local launcher does not flush .hydra/ files (the journal is flushed), so a power cut soon
   * after a job ended can leave its config.yaml empty: a rerun must take that for a missing file,
   * not for a changed config tree, and write it again.
   */
  @Test
  void anEmptiedConfigOfAFailedJobIsWrittenAgainNotTakenForAChange() throws IOException {
    assertEquals(1, sweep().exitCode());
    Path config = sweepDir.resolve("1/.hydra/config.yaml");
    String written = Files.readString(config);
    Files.writeString(config, "");
    Files.writeString(fixed, "");

    CliRun rerun = CliRun.of("rerun", "--failed", sweepDir.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    assertEquals(written, Files.readString(config));
    assertEquals(
        List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"),
        states());
  }

  @Test
  void rerunKeepsEachJobInTheDirectoryItsPlanRecorded() throws IOException {
    assertEquals(1, sweep().exitCode());
    // The sweep's subdir setting changes after the sweep was planned: the jobs must still
    // run where their record is, or status and resume would never see them finish.
    Files.writeString(
        conf.resolve("config.yaml"),
        "seed: 0\nhydra:\n  sweep:\n    subdir: run_${hydra.job.num}\n");
    Files.writeString(fixed, "");
    CliRun rerun = CliRun.of("rerun", "--failed", sweepDir.toString());
    assertEquals(0, rerun.exitCode(), rerun.err());
    assertEquals(
        List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"),
        states());
    try (var entries = Files.list(sweepDir)) {
      assertTrue(
          entries.noneMatch(p -> p.getFileName().toString().startsWith("run_")),
          "no job moved to a new directory");
    }
  }

  @Test
  void aRerunMayChangeLauncherSettingsButNotTheJobs() throws IOException {
    assertEquals(1, sweep().exitCode());
    CliRun refused = CliRun.of("rerun", "--failed", sweepDir.toString(), "seed=9");
    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("only hydra.launcher.* settings"), refused.err());
    Files.writeString(fixed, "");
    CliRun rerun =
        CliRun.of("rerun", "--failed", sweepDir.toString(), "hydra.launcher.timeout_min=5");
    assertEquals(0, rerun.exitCode(), rerun.err());
    assertEquals(
        List.of("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"),
        states());
  }

  @Test
  void runJobRunsOneJobInTheForeground() throws IOException {
    assertEquals(1, sweep().exitCode());
    Files.writeString(ran, "");
    CliRun one = CliRun.of("run-job", sweepDir.toString(), "3");
    assertEquals(1, one.exitCode(), one.err());
    assertEquals(List.of("4"), lines(ran));
    assertTrue(one.out().contains("job 4 out"), "the task's output is shown: " + one.out());
    assertEquals(2, json(sweepDir.resolve("3/status.json")).get("attempt").asInt());

    Files.writeString(fixed, "");
    CliRun again = CliRun.of("run-job", sweepDir.toString(), "3");
    assertEquals(0, again.exitCode(), again.err());
    assertEquals("COMPLETED", state(3));
    assertEquals(List.of("4", "4"), lines(ran));

    CliRun missing = CliRun.of("run-job", sweepDir.toString(), "9");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("Job 9 is not part of this sweep"), missing.err());
  }

  @Test
  void commandsOnSomethingThatIsNotASweepExplainThemselves() throws IOException {
    Files.createDirectories(temp.resolve("empty"));
    for (String command : List.of("resume", "status", "rerun")) {
      CliRun run = CliRun.of(command, temp.resolve("empty").toString());
      assertEquals(2, run.exitCode(), command);
      assertTrue(run.err().contains("is not a hydra4j sweep"), run.err());
      CliRun nowhere = CliRun.of(command, temp.resolve("nowhere").toString());
      assertEquals(2, nowhere.exitCode(), command);
      assertTrue(nowhere.err().contains("does not exist"), nowhere.err());
    }
  }

  private List<String> states() {
    List<String> out = new ArrayList<>();
    json(sweepDir.resolve("summary.json"))
        .get("jobs")
        .forEach(j -> out.add(j.get("state").asText()));
    return out;
  }

  private String state(int num) {
    return json(sweepDir.resolve(num + "/status.json")).get("state").asText();
  }

  private static List<String> lines(Path file) {
    return Workspace.read(file).lines().sorted().toList();
  }

  private static JsonNode json(Path file) {
    return Workspace.json(file);
  }
}
