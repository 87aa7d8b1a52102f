package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a task is run, end to end in a child JVM: a single run's directory and files, its output
 * shown live; {@code hydra.job.chdir}, the HYDRA4J_* environment, and {@code
 * hydra.job.append_overrides}.
 */
@Timeout(120)
class TaskRunTest {

  @TempDir Path temp;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(temp);
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  @Test
  void aSingleRunGetsItsOwnDirectoryAndShowsItsOutput() throws IOException {
    Workspace.Result run =
        ws.run(
                "lr=0.5",
                "--",
                "sh",
                "-c",
                "echo \"out $0\"; echo \"err $0\" >&2; echo made > result.txt",
                "${lr}")
            .expect(0);
    assertTrue(run.out().contains("out 0.5"), "stdout: " + run.out());
    assertTrue(run.err().contains("err 0.5"), "stderr: " + run.err());
    List<Path> runs = Workspace.timestampedDirs(ws.dir().resolve("outputs"));
    assertEquals(1, runs.size(), runs.toString());
    Path dir = runs.get(0);
    assertTrue(
        ws.dir()
            .resolve("outputs")
            .relativize(dir)
            .toString()
            .matches("\\d{4}-\\d\\d-\\d\\d/\\d\\d-\\d\\d-\\d\\d"),
        dir.toString());
    assertEquals("- lr=0.5\n", Workspace.read(dir.resolve(".hydra/overrides.yaml")));
    assertEquals(
        "lr: 0.5\nseed: 0\nname: run\n", Workspace.read(dir.resolve(".hydra/config.yaml")));
    String hydra = Workspace.read(dir.resolve(".hydra/hydra.yaml"));
    assertTrue(hydra.startsWith("hydra:\n") && hydra.contains("mode: RUN"), hydra);
    assertEquals("COMPLETED", Workspace.json(dir.resolve("status.json")).get("state").asText());
    assertEquals("out 0.5\n", Workspace.read(dir.resolve("stdout.log")));
    assertEquals("err 0.5\n", Workspace.read(dir.resolve("stderr.log")));
    assertTrue(Files.exists(ws.dir().resolve("result.txt")), "runs where hydra4j was started");
    assertFalse(Files.exists(ws.dir().resolve("multirun")));

    Workspace.Result failed = ws.run("--", "sh", "-c", "echo oops >&2; exit 3").expect(1);
    assertTrue(failed.err().contains("oops") && failed.err().contains("FAILED"), failed.err());
    assertTrue(failed.err().contains("exit code 3"), failed.err());
  }

  @Test
  void chdirEnvironmentAndAppendedOverrides() throws IOException {
    ws.run(
            "-m",
            "hydra.job.chdir=true",
            "hydra.job.append_overrides=true",
            "+hydra.job.env_set.MY_VAR=hello",
            "lr=0.5,0.6",
            "name=x",
            "--",
            "sh",
            "-c",
            "pwd > where.txt; env | grep -E '^(HYDRA4J_|MY_VAR)' | sort > env.txt;"
                + " printf '%s\\0' \"$@\" > args.bin",
            "sh",
            "first")
        .expect(0);
    Path sweep = ws.onlySweepDir();
    Path job = sweep.resolve("1");
    assertEquals(
        job.toRealPath().toString(),
        Workspace.read(job.resolve("where.txt")).strip(),
        "the task runs in its job directory");
    assertFalse(Files.exists(ws.dir().resolve("where.txt")));

    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Workspace.read(job.resolve("env.txt")).lines().toList()) {
      env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
    }
    assertEquals("1", env.get("HYDRA4J_JOB_NUM"));
    assertEquals(job.toString(), env.get("HYDRA4J_JOB_DIR"));
    assertEquals(sweep.toString(), env.get("HYDRA4J_SWEEP_DIR"));
    assertEquals("config", env.get("HYDRA4J_JOB_NAME"));
    assertEquals("hello", env.get("MY_VAR"));
    assertEquals(
        Workspace.read(job.resolve(".hydra/config.yaml")),
        Workspace.read(Path.of(env.get("HYDRA4J_CONFIG"))));
    assertEquals(0.6, Workspace.json(Path.of(env.get("HYDRA4J_CONFIG_JSON"))).get("lr").asDouble());

    String args = new String(Files.readAllBytes(job.resolve("args.bin")), StandardCharsets.UTF_8);
    assertEquals(
        List.of("first", "lr=0.6", "name=x"),
        Arrays.asList(args.substring(0, args.length() - 1).split("\0")),
        "the task overrides are appended, hydra's are not");
  }
}
