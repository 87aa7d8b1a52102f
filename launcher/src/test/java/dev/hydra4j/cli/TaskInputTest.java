package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a task receives and where its files go: hostile values arrive verbatim as argument words and
 * in the config files and are never run by a shell; job directories built from values stay inside
 * the sweep; sweeps started together never share a directory.
 */
@Timeout(120)
class TaskInputTest {

  /** Writes each argument word, NUL-terminated, to args.bin in the job directory. */
  private static final String RECORD_ARGS = "printf '%s\\0' \"$@\" > \"$HYDRA4J_JOB_DIR/args.bin\"";

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
  void hostileValuesReachTheTaskVerbatim() {
    String fromFile = "$(touch pwned); rm -rf x 'sq' \"dq\" a  b\nline2 `touch pwned`";
    ws.file(
        "conf/config.yaml",
        "name: run\nevil: \"$(touch pwned); rm -rf x 'sq' \\\"dq\\\""
            + " a  b\\nline2 `touch pwned`\"\n");
    List<String> values =
        List.of(
            "$(touch pwned)",
            "; rm -rf x",
            "it's",
            "\"dq\"",
            "a  b",
            "l1\nl2",
            "`touch pwned`",
            "$HOME && touch pwned");
    ws.run(
            "-m",
            "hydra.job.chdir=true",
            "name=choice('$(touch pwned)','; rm -rf x',"
                + "\"it's\",'\"dq\"','a  b','l1\nl2','`touch pwned`','$HOME && touch pwned')",
            "--",
            "sh",
            "-c",
            RECORD_ARGS,
            "sh",
            "--name=${name}",
            "${evil}",
            "x${name}y")
        .expect(0);
    Path sweep = ws.onlySweepDir();
    for (int num = 0; num < values.size(); num++) {
      String value = values.get(num);
      Path job = sweep.resolve(String.valueOf(num));
      assertEquals(
          List.of("--name=" + value, fromFile, "x" + value + "y"),
          words(job),
          "job " + num + " argv");
      JsonNode config = Workspace.json(job.resolve(".hydra/config.json"));
      assertEquals(value, config.get("name").asText(), "job " + num + " config.json");
      assertEquals(fromFile, config.get("evil").asText(), "job " + num + " config.json");
    }
    assertEquals(List.of(), filesNamed("pwned"), "nothing ran the values as commands");
  }

  @Test
  void jobDirectoriesFromValuesStayInsideTheSweep() {
    ws.run(
            "-m",
            "hydra.sweep.subdir=${hydra.job.override_dirname}",
            "name=choice('a/b','/etc/passwd','..','./.','c/..x')",
            "--",
            "true")
        .expect(0);
    Path sweep = ws.onlySweepDir();
    Set<String> jobDirs = new TreeSet<>();
    for (Path status : filesNamed("status.json")) {
      assertTrue(status.startsWith(sweep), status + " is inside " + sweep);
      jobDirs.add(sweep.relativize(status.getParent()).toString());
    }
    assertEquals(
        new TreeSet<>(List.of("name=a/b", "name=/etc/passwd", "name=..", "name=.", "name=c/..x")),
        jobDirs);
    assertFalse(Files.exists(Path.of("/etc/passwd/.hydra")));

    for (String escape : List.of("name='x/../../y'", "name='../../../escape'")) {
      Workspace.Result refused =
          ws.run("-m", "hydra.sweep.subdir=${hydra.job.override_dirname}", escape, "--", "true")
              .expect(2);
      assertTrue(
          refused.err().contains("'..'") && refused.err().contains("hydra.sweep.subdir"),
          refused.err());
    }
    ws.run("-m", "hydra.sweep.subdir=${name}", "name='..'", "--", "true").expect(2);
    assertEquals(List.of(sweep), ws.sweepDirs(), "a refused sweep leaves no directory");
    assertEquals(List.of(), filesNamed("y"));
    assertEquals(List.of(), filesNamed("escape"));
  }

  @Test
  void sweepsStartedTogetherNeverShareADirectory() {
    List<Workspace.Running> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(
          ws.start(
              "-m",
              "hydra.sweep.dir=multirun/same/second",
              "name=s" + i + "a,s" + i + "b",
              "--",
              "true"));
    }
    runs.forEach(r -> r.await().expect(0));
    Set<String> seen = new TreeSet<>();
    for (String name : List.of("second", "second_1", "second_2")) {
      Path sweep = ws.dir().resolve("multirun/same").resolve(name);
      JsonNode plan = Workspace.json(sweep.resolve("plan.json"));
      JsonNode summary = Workspace.json(sweep.resolve("summary.json"));
      assertEquals(2, summary.get("counts").get("COMPLETED").asInt(), name);
      for (int num = 0; num < 2; num++) {
        String overrides = Workspace.read(sweep.resolve(num + "/.hydra/overrides.yaml"));
        assertEquals(
            "- " + plan.get("jobs").get(num).get("overrides").get(1).asText(),
            overrides.strip(),
            name + "/" + num);
        seen.add(overrides.strip());
        // Composed for the directory it got, not the one it asked for (already taken).
        String hydraYaml = Workspace.read(sweep.resolve(num + "/.hydra/hydra.yaml"));
        assertTrue(
            hydraYaml.contains("output_dir: " + sweep.resolve(String.valueOf(num)) + "\n"),
            name + "/" + num + ":\n" + hydraYaml);
      }
    }
    assertEquals(6, seen.size(), "each sweep's jobs in its own directory: " + seen);

    // The default multirun/DATE/TIME, started together: usually in the same second.
    List<Workspace.Running> timed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      timed.add(ws.start("-m", "seed=" + i, "--", "true"));
    }
    timed.forEach(r -> r.await().expect(0));
    List<Path> sweeps =
        ws.sweepDirs().stream()
            .filter(p -> !p.startsWith(ws.dir().resolve("multirun/same")))
            .toList();
    assertEquals(3, sweeps.size(), sweeps.toString());
    Set<String> seeds = new TreeSet<>();
    for (Path sweep : sweeps) {
      seeds.add(Workspace.read(sweep.resolve("0/.hydra/overrides.yaml")).strip());
    }
    assertEquals(Set.of("- seed=0", "- seed=1", "- seed=2"), seeds);
  }

  private static List<String> words(Path job) {
    try {
      String all = new String(Files.readAllBytes(job.resolve("args.bin")), StandardCharsets.UTF_8);
      assertTrue(all.endsWith("\0"), all);
      return Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of this name anywhere under the test's temporary directory. */
  private List<Path> filesNamed(String name) {
    try (Stream<Path> all = Files.walk(temp)) {
      return all.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
