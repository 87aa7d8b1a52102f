package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.SweepResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config values reach the task as the very characters written, never through a shell. */
class LocalLauncherArgvTest {

  private static final List<String> HOSTILE =
      List.of(
          "$(touch pwned)",
          "`touch pwned`",
          "; touch pwned",
          "; rm -rf x",
          "&& touch pwned",
          "| touch pwned",
          "'single' \"double\"",
          "it's",
          "\"",
          "line1\nline2",
          "  spaces  ",
          "",
          "*",
          "~",
          "$HOME",
          "${PATH}",
          "a\\b",
          "\t",
          "-n",
          "--flag=x y",
          "ünïcødé ✓",
          "%s%n");

  @TempDir Path root;

  @Test
  void argvAndEnvArriveVerbatim() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    Path work = Files.createDirectories(root.resolve("work"));
    // Writes each argument and the variable NUL-terminated; sh only expands "$@" and "$V".
    String dump =
        "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > args.bin;"
            + " printf '%s\\0' \"$HOSTILE_1\" \"$HOSTILE_2\" > env.bin";
    List<String> argv = new ArrayList<>(List.of("sh", "-c", dump, "sh"));
    argv.addAll(HOSTILE);
    JobSpec job =
        new JobSpec(
            0,
            sweep.jobDir(0),
            argv,
            Map.of("HOSTILE_1", "$(touch pwned); rm -rf x", "HOSTILE_2", "a\nb 'c' \"d\""),
            work,
            null);

    SweepResult result = new LocalLauncher(1).launch(List.of(job), sweep.options());

    assertEquals(0, result.exitCode(), () -> read(sweep, "stderr.log"));
    assertEquals(HOSTILE, split(work.resolve("args.bin")));
    assertEquals(
        List.of("$(touch pwned); rm -rf x", "a\nb 'c' \"d\""), split(work.resolve("env.bin")));
    try (Stream<Path> all = Files.walk(root)) {
      assertFalse(all.anyMatch(p -> p.getFileName().toString().equals("pwned")));
    }
    assertFalse(Files.exists(Path.of("pwned")));
  }

  @Test
  void argvGoesToTheProgramWithoutAnyShell() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    JobSpec job =
        new JobSpec(
            0,
            sweep.jobDir(0),
            List.of("printf", "%s|", "$(touch pwned)", "a b", "; echo hi"),
            Map.of(),
            sweep.sweepDir,
            null);

    new LocalLauncher(1).launch(List.of(job), sweep.options());

    assertEquals("$(touch pwned)|a b|; echo hi|", read(sweep, "stdout.log"));
    assertFalse(Files.exists(sweep.sweepDir.resolve("pwned")));
  }

  private static List<String> split(Path file) throws java.io.IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
  }

  private static String read(SweepFixture sweep, String file) {
    try {
      return sweep.read(0, file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
