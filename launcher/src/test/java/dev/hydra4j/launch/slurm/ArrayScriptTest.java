package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated array scripts, run by bash on this machine as SLURM would run one task: with
 * SLURM_ARRAY_TASK_ID and friends set. What SLURM itself adds (the allocation, signals at the time
 * limit) is covered by SlurmLauncherIT; the same scripts under signals by TaskScriptSignalsIT.
 */
class ArrayScriptTest {

  @TempDir Path dir;

  private JobSpec job(int num, String settings, List<String> argv, Map<String, String> env)
      throws IOException {
    return TaskScripts.job(dir, num, settings, argv, env);
  }

  private Path script(String settings, List<ArrayScript.Task> tasks) throws IOException {
    return TaskScripts.write(dir.resolve("sweep"), settings, tasks);
  }

  private static Process start(Path script, int task, Map<String, String> env) throws IOException {
    return TaskScripts.start(script, task, "777", String.valueOf(800 + task), env);
  }

  private static int run(Path script, int task, Map<String, String> env) throws Exception {
    Process p = start(script, task, env);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "task " + task + " did not end");
    return p.exitValue();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void configValuesReachTheTaskVerbatim() throws Exception {
    List<String> values =
        List.of(
            "$(touch pwned)",
            "; rm -rf x",
            "it's 'quoted'",
            "\"dq\"",
            "two\nlines",
            "`touch pwned2`",
            "*",
            "$HOME",
            "back\\slash",
            "");
    List<String> argv = new ArrayList<>(List.of("printf", "%s|"));
    argv.addAll(values);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HYDRA4J_JOB_NUM", "0");
    env.put("TRICKY", "$(touch pwned3) ; 'x' \"y\"\nz");
    JobSpec printer = job(0, "timeout_min: 5", argv, env);
    JobSpec envReader =
        job(
            1,
            "timeout_min: 5",
            List.of("bash", "-c", "printf %s \"$TRICKY\""),
            Map.of("TRICKY", env.get("TRICKY")));
    Path script =
        script(
            "timeout_min: 5",
            List.of(new ArrayScript.Task(printer, 0), new ArrayScript.Task(envReader, 0)));

    assertEquals(0, run(script, 0, Map.of()));
    assertEquals(String.join("|", values) + "|", read(printer.jobDir().resolve("stdout.log")));
    assertEquals(0, run(script, 1, Map.of()));
    assertEquals(env.get("TRICKY"), read(envReader.jobDir().resolve("stdout.log")));
    try (var files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("pwned")));
    }
  }

  @Test
  void completedTaskWritesAStatusFileHydra4jReads() throws Exception {
    JobSpec j =
        job(
            5,
            "timeout_min: 5",
            List.of("bash", "-c", "echo out1; echo err1 >&2; echo out2"),
            Map.of());
    Path script = script("timeout_min: 5", List.of(new ArrayScript.Task(j, 0)));
    assertEquals(0, run(script, 0, Map.of()));

    JobStatus s = StatusFile.read(j.jobDir(), -1);
    assertEquals(5, s.num());
    assertEquals(JobState.COMPLETED, s.state());
    assertEquals(0, s.exitCode());
    assertEquals(1, s.attempt());
    assertTrue(s.start() != null && s.end() != null && !s.end().isBefore(s.start()), s.toString());
    assertEquals("777", s.extra().get("slurm_array_job_id"));
    assertEquals("0", s.extra().get("slurm_array_task_id"));
    assertEquals("800", s.extra().get("slurm_job_id"));
    assertEquals("out1\nout2\n", read(j.jobDir().resolve("stdout.log")));
    assertEquals("err1\n", read(j.jobDir().resolve("stderr.log")));
    List<String> combined = Files.readAllLines(j.jobDir().resolve("combined.log"));
    assertEquals(3, combined.size(), combined.toString());
    for (String line : combined) {
      assertTrue(
          line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[(out|err)\\] .*"),
          line);
    }
    assertTrue(
        combined.contains(combined.get(0).substring(0, 24) + "[out] out1")
            || combined.stream().anyMatch(l -> l.endsWith("[out] out1")),
        combined.toString());
    assertTrue(combined.stream().anyMatch(l -> l.endsWith("[err] err1")), combined.toString());
  }

  @Test
  void failingTaskKeepsItsExitCode() throws Exception {
    JobSpec j = job(0, "{}", List.of("bash", "-c", "echo boom >&2; exit 3"), Map.of());
    Path script = script("{}", List.of(new ArrayScript.Task(j, 0)));
    assertEquals(3, run(script, 0, Map.of()));
    JobStatus s = StatusFile.read(j.jobDir(), 0);
    assertEquals(JobState.FAILED, s.state());
    assertEquals(3, s.exitCode());
    assertEquals("boom\n", read(j.jobDir().resolve("stderr.log")));
  }

  @Test
  void missingProgramFailsWithTheReason() throws Exception {
    JobSpec j = job(0, "{}", List.of("hydra4j-no-such-program", "x"), Map.of());
    Path script = script("{}", List.of(new ArrayScript.Task(j, 0)));
    assertEquals(1, run(script, 0, Map.of()));
    JobStatus s = StatusFile.read(j.jobDir(), 0);
    assertEquals(JobState.FAILED, s.state());
    assertNull(s.exitCode());
    assertTrue(s.error().startsWith("'hydra4j-no-such-program' was not found on "), s.error());
  }

  @Test
  void setupItemsAreQuotedSoNoneCanReshapeTheScript() throws Exception {
    // Each item is one quoted word run with eval: '}' cannot end a function early, a quote
    // cannot swallow the job table, and the first failing item ends the task as FAILED.
    String settings = "setup: ['export A=1', '}', 'echo never']";
    JobSpec j = job(0, settings, List.of("bash", "-c", "echo ran"), Map.of());
    Path script = script(settings, List.of(new ArrayScript.Task(j, 0)));
    assertTrue(read(script).contains("hydra4j_setup_lines=(\n  'export A=1'\n  '}'\n"));
    assertEquals(1, run(script, 0, Map.of()));
    JobStatus s = StatusFile.read(j.jobDir(), 0);
    assertEquals(JobState.FAILED, s.state(), s.toString());
    assertEquals("setup item 2 failed (exit 2): }", s.error());
    assertFalse(read(script.resolveSibling("task-0.out")).contains("never"));

    String quote = "setup: [\"echo 'unbalanced\"]";
    JobSpec k = job(1, quote, List.of("true"), Map.of());
    Path second = script(quote, List.of(new ArrayScript.Task(k, 0)));
    assertEquals(1, run(second, 0, Map.of()));
    assertTrue(StatusFile.read(k.jobDir(), 1).error().startsWith("setup item 1 failed"));
  }

  @Test
  void setupLinesRunInTheTasksShell() throws Exception {
    String settings = "setup: ['export FROM_SETUP=\"set up\"', 'cd /']";
    JobSpec j = job(0, settings, List.of("bash", "-c", "echo \"$FROM_SETUP in $PWD\""), Map.of());
    Path script = script(settings, List.of(new ArrayScript.Task(j, 0)));
    assertEquals(0, run(script, 0, Map.of()));
    assertEquals("set up in /\n", read(j.jobDir().resolve("stdout.log")));
  }

  @Test
  void aLaterAttemptKeepsTheLogsOfTheEarlierOne() throws Exception {
    JobSpec j = job(0, "{}", List.of("echo", "second"), Map.of());
    Files.writeString(j.jobDir().resolve("stdout.log"), "first\n");
    Files.writeString(j.jobDir().resolve("metrics.json"), "{\"loss\": 1}\n");
    Files.writeString(j.jobDir().resolve("metrics.jsonl"), "{\"step\": 0, \"loss\": 1}\n");
    Path script = script("{}", List.of(new ArrayScript.Task(j, 1)));
    assertEquals(0, run(script, 0, Map.of()));
    assertEquals(2, StatusFile.read(j.jobDir(), 0).attempt());
    assertEquals("first\n", read(j.jobDir().resolve("stdout.attempt1.log")));
    assertEquals("second\n", read(j.jobDir().resolve("stdout.log")));
    // the metrics of the earlier attempt are kept aside, so its curve is not continued
    assertEquals("{\"loss\": 1}\n", read(j.jobDir().resolve("metrics.attempt1.json")));
    assertEquals(
        "{\"step\": 0, \"loss\": 1}\n", read(j.jobDir().resolve("metrics.attempt1.jsonl")));
    assertFalse(Files.exists(j.jobDir().resolve("metrics.jsonl")));
    assertFalse(Files.exists(j.jobDir().resolve("metrics.json")));
  }

  @Test
  void restartsBeyondMaxNumTimeoutAreRefused() throws Exception {
    String settings = "max_num_timeout: 1";
    JobSpec j = job(0, settings, List.of("true"), Map.of());
    Path script = script(settings, List.of(new ArrayScript.Task(j, 0)));
    assertEquals(1, run(script, 0, Map.of("SLURM_RESTART_COUNT", "2")));
    JobStatus s = StatusFile.read(j.jobDir(), 0);
    assertEquals(JobState.FAILED, s.state());
    assertEquals(3, s.attempt());
    assertTrue(s.error().contains("more than hydra.launcher.max_num_timeout=1"), s.error());
  }

  @Test
  void environmentNamesBashCannotExportAreRefused() throws Exception {
    JobSpec j = job(0, "{}", List.of("true"), Map.of("BAD-NAME", "x"));
    ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class, () -> ArrayScript.check(j));
    assertTrue(e.getMessage().contains("'BAD-NAME'"), e.getMessage());
  }

  @Test
  void headerHasTheArrayTheOutputAndTheSettings() throws Exception {
    JobSpec a = job(0, "{}", List.of("true"), Map.of("SAME", "1", "OWN", "a"));
    JobSpec b = job(1, "{}", List.of("true"), Map.of("SAME", "1", "OWN", "b"));
    String settings = "array_parallelism: 2\npartition: debug\ncomment: my sweep";
    String text =
        read(script(settings, List.of(new ArrayScript.Task(a, 0), new ArrayScript.Task(b, 0))));
    List<String> header = text.lines().filter(l -> l.startsWith("#SBATCH")).toList();
    assertEquals(
        List.of(
            "#SBATCH --array=0-1%2",
            "#SBATCH --output=" + dir.resolve("sweep/slurm/array-001") + "/%a/slurm-%A_%a.out",
            "#SBATCH --open-mode=append",
            "#SBATCH --partition=debug",
            "#SBATCH --comment=\"my sweep\"",
            "#SBATCH --no-requeue"),
        header);
    assertTrue(text.contains("hydra4j_shared_env=(\n  'SAME=1'\n)"), text);
    assertFalse(text.contains("'OWN=a'\n  'OWN=b'"), text);
  }
}
