package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.slurm.SubmissionLog;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text that would be shell code if it reached bash unquoted — in the sweep directory, a job
 * directory, every free-text setting, the environment, the command — submitted to the real cluster:
 * bash and sbatch must take it as text, every marker an injected command would create must stay
 * absent, and the text must reach SLURM and the task verbatim. Text a script cannot hold (a line
 * break on an #SBATCH line, a NUL) and text that is not a valid SLURM name are refused before
 * anything is written.
 */
class SlurmInjectionIT extends SlurmCliTest {

  /** Every kind of shell syntax, creating a file named pwned* if any part of it ran. */
  private static final String HOSTILE =
      "$(touch pwned1) `touch pwned2`; touch pwned3 && 'q'" + " \"d\" # 100% \\ | > x $HOME";

  /** A YAML double-quoted string. */
  private static String yaml(String text) {
    return "\""
        + text.replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\0", "\\0")
        + "\"";
  }

  private static void assertNoMarker() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().startsWith("pwned")).toList();
      assertEquals(List.of(), found, "an injected command ran");
    }
    for (String marker : List.of("pwned1", "pwned2", "pwned3")) {
      assertFalse(Files.exists(Path.of(marker)), "an injected command ran in the working dir");
    }
  }

  @Test
  void hostileTextInPathsAndSettingsReachesSlurmAndTheTaskVerbatim() throws Exception {
    // A backslash in --output turns off SLURM's %a patterns: refused below, left out here.
    Path sweep = root.resolve("sweep " + HOSTILE.replace("\\", ""));
    Path conf =
        project(
            "hostile",
            """
        x: @X@
        y: 0
        hydra:
          sweep:
            dir: @DIR@
            subdir: ${hydra.job.num} ${x}
          launcher:
            job_name: @X@
            comment: @X@
            additional_parameters: {mail_type: END, mail_user: @X@}
            setup: ['printf "setup:%s\\n" "$HOSTILE" >&2']
          job:
            env_set:
              HOSTILE: ${x}
            command: [bash, -c, 'printf "%s\\n%s" "$1" "$HYDRA4J_JOB_DIR"', task, '${x}']
        """
                .replace("@X@", yaml(HOSTILE))
                .replace("@DIR@", yaml(sweep.toString())));
    CliRun run = CliRun.of("-cp", conf.toString(), "-m", "y=0", "--wait");
    assertEquals(0, run.exitCode(), run.err());
    Path jobDir = sweep.resolve("0 " + HOSTILE);
    assertEquals(JobState.COMPLETED, StatusFile.read(jobDir, 0).state());
    assertEquals(HOSTILE + "\n" + jobDir, read(jobDir.resolve("stdout.log")));
    long id = SubmissionLog.read(sweep).arrayJobIds().iterator().next();
    // SLURM's own output went through the --output path built from the sweep directory.
    String slurmOut = read(jobDir.resolve("slurm-" + id + "_0.out"));
    assertTrue(slurmOut.contains("setup:" + HOSTILE + "\n"), slurmOut);
    assertEquals(
        HOSTILE,
        command("squeue", "-h", "-t", "all", "-j", String.valueOf(id), "-o", "%j").strip());
    assertEquals(
        HOSTILE,
        command("squeue", "-h", "-t", "all", "-j", String.valueOf(id), "-o", "%k").strip());
    assertTrue(
        command("scontrol", "show", "job", String.valueOf(id))
            .contains("MailUser=" + HOSTILE + " MailType=END"));
    assertNoMarker();
  }

  @Test
  void textNoScriptCanHoldIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path sweep = root.resolve("refused");
    String[][] cases = {
      {
        "hydra.launcher.comment",
        "ok",
        "hydra.sweep.dir cannot be written into a SLURM script:" + " it holds a line break"
      },
      {"hydra.launcher.qos", "normal", "it holds a backslash"},
      {
        "hydra.launcher.job_name",
        yaml("a\ntouch pwned2"),
        "hydra.launcher.job_name must be one line"
      },
      {
        "hydra.launcher.partition",
        yaml("$(touch pwned3)"),
        "hydra.launcher.partition must be a name of letters"
      },
      {"hydra.launcher.srun_args", "[" + yaml("a\0b") + "]", "holds a NUL character"},
      {
        "hydra.launcher.additional_parameters",
        "{mail_user: " + yaml("a\rb") + "}",
        "must be one line"
      }
    };
    for (String[] c : cases) {
      // The first case's sweep directory has a line break: it would end an #SBATCH line.
      String dir =
          c == cases[0]
              ? sweep + "\ntouch pwned1"
              : c == cases[1] ? sweep + "\\x" : sweep.toString();
      String[] path = c[0].split("\\.");
      Path conf =
          project(
              "refused-" + path[2] + (c == cases[0] ? "-dir" : ""),
              """
          y: 0
          hydra:
            sweep:
              dir: @DIR@
            @GROUP@:
              @KEY@: @VALUE@
            job:
              command: ['true']
          """
                  .replace("@DIR@", yaml(dir))
                  .replace("@GROUP@", path[1])
                  .replace("@KEY@", path[2])
                  .replace("@VALUE@", c[1]));
      CliRun run = CliRun.of("-cp", conf.toString(), "-m", "y=0");
      assertEquals(2, run.exitCode(), c[0] + ": " + run.err());
      assertTrue(run.err().contains(c[2]), c[0] + ": " + run.err());
      assertTrue(run.err().contains("config.yaml:"), "not located: " + run.err());
      assertFalse(run.err().contains("\tat "), "a stack trace: " + run.err());
      assertFalse(Files.exists(sweep), c[0] + ": something was written");
      try (Stream<Path> all = Files.list(root)) {
        assertTrue(
            all.map(p -> p.getFileName().toString())
                .noneMatch(n -> n.startsWith("refused\n") || n.startsWith("refused\\")));
      }
    }
    assertNoMarker();
  }
}
