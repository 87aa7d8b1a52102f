package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sweep that cannot run is refused before anything is written: exit 2, one message that names the
 * place (the override with a caret, the option, the key, the job), and no sweep directory left
 * behind. Runs the CLI in-process with {@code hydra.sweep.dir} in a temporary directory.
 */
@Timeout(60)
class BadSweepInputTest {

  @TempDir Path temp;
  private Path conf;
  private Path sweepRoot;

  @BeforeEach
  void tree() throws IOException {
    conf = temp.resolve("conf");
    sweepRoot = temp.resolve("multirun");
    write(
        "config.yaml", "defaults:\n  - db: mysql\n  - _self_\nlr: 0.1\nseed: 0\n" + "name: run\n");
    write("db/mysql.yaml", "driver: mysql\nport: 3306\n");
    write("db/sqlite.yaml", "driver: sqlite\n");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(
            "unwritable output dir",
            List.of("hydra.sweep.dir=/proc/x", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("/proc/x", "hydra.sweep.dir")),
        bad(
            "command not found",
            List.of("lr=1,2"),
            "--",
            List.of("no-such-command-xyz", "a"),
            List.of("Cannot run the command 'no-such-command-xyz'", "not on PATH")),
        bad(
            "relative command not found",
            List.of("lr=1,2"),
            "--",
            List.of("./nope.sh"),
            List.of("'./nope.sh'", "no such file")),
        bad(
            "no command at all",
            List.of("lr=1,2"),
            null,
            List.of(),
            List.of("No command to run", "hydra.job.command")),
        bad("trailing comma", List.of("lr=1,2,"), "--", List.of("true"), List.of("lr=1,2,", "^")),
        bad(
            "unclosed range",
            List.of("seed=range(1,"),
            "--",
            List.of("true"),
            List.of("seed=range(1,", "^")),
        bad(
            "sweep of no value",
            List.of("db=glob(nothing*)"),
            "--",
            List.of("true"),
            List.of("no values", "db=glob(nothing*)", "mysql, sqlite")),
        bad(
            "zip of unequal lengths",
            List.of("--zip", "lr,seed", "lr=1,2", "seed=1,2,3"),
            "--",
            List.of("true"),
            List.of("equal length", "'lr' has 2", "'seed' has 3", "--zip")),
        bad(
            "zip of a key not swept",
            List.of("--zip", "lr,name", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("'name', which is not swept")),
        bad(
            "filter that does not parse",
            List.of("--filter", "lr <", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("Cannot parse the filter 'lr <'", "--filter")),
        bad(
            "filter on an unknown key",
            List.of("--filter", "lrr > 1", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("'lrr', which is not in the job's config", "lr")),
        bad(
            "filter on an unknown nested key",
            List.of("--filter", "db.nope != 1", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("'db.nope', which is not in the job's config", "keys of 'db': driver, port")),
        bad(
            "filter that keeps nothing",
            List.of("--filter", "lr > 5", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("keeps none of the 2 jobs")),
        bad(
            "job list outside the grid",
            List.of("--jobs", "1,7", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("'7'", "0 to 1")),
        Arguments.of(
            "a sweep shaping option without -m",
            List.of("--jobs", "1", "--", "true"),
            List.of("add --multirun")),
        bad(
            "unknown launcher",
            List.of("hydra.launcher.name=nope", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("Unknown launcher 'nope'", "hydra.launcher.name=nope")),
        bad(
            "bad launcher setting",
            List.of("hydra.launcher.on_failure=sometimes", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("one of keep-going, fail-fast", "hydra.launcher.on_failure=sometimes")),
        bad(
            "bad batch size",
            List.of("hydra.sweeper.max_batch_size=many", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("whole number")),
        bad(
            "several invalid jobs, all reported",
            List.of("db=mysql,postgres,oracle", "seed=1,2"),
            "--",
            List.of("true"),
            List.of(
                "4 of 6 jobs are invalid",
                "job 2 (",
                "db=postgres seed=1):",
                "job 3 (",
                "db=postgres seed=2):",
                "job 4 (",
                "db=oracle seed=1):",
                "job 5 (",
                "db=oracle seed=2):",
                "available options: mysql, sqlite")),
        bad(
            "jobs sharing a directory",
            List.of("hydra.sweep.subdir=${name}", "lr=1,2"),
            "--",
            List.of("true"),
            List.of("jobs 0 and 1 would share 'run'", "hydra.sweep.subdir")),
        bad(
            "a job directory inside another",
            List.of("hydra.sweep.subdir=${name}", "name=a,a/b"),
            "--",
            List.of("true"),
            List.of("'a/b' is inside job 0's")),
        bad(
            "a swept program that does not exist",
            List.of("+prog=choice(true,no-such-xyz)"),
            "--",
            List.of("${prog}"),
            List.of("Cannot run the command 'no-such-xyz'")),
        bad(
            "a value missing in some jobs",
            List.of("+x=choice('${lr}','${nope}')"),
            "--",
            List.of("true"),
            List.of("nope")),
        bad(
            "an interpolation in the command that fails",
            List.of("lr=1,2"),
            "--",
            List.of("echo", "${nowhere}"),
            List.of("nowhere")),
        bad(
            "a mandatory value left unset",
            List.of("lr=1,2", "+token=???"),
            "--",
            List.of("true"),
            List.of("2 of 2 jobs are invalid", "'token' is mandatory (???)", "token=…")));
  }

  private static Arguments bad(
      String name, List<String> args, String dashes, List<String> command, List<String> expected) {
    List<String> all = new ArrayList<>(List.of("-m"));
    all.addAll(args);
    if (dashes != null) {
      all.add(dashes);
    }
    all.addAll(command);
    return Arguments.of(name, all, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAndWritesNothing(String name, List<String> args, List<String> expected) {
    List<String> argv =
        new ArrayList<>(
            List.of("-cp", conf.toString(), "hydra.sweep.dir=" + sweepRoot.resolve("sweep")));
    argv.addAll(args);
    CliRun run = CliRun.of(argv.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("error: "), run.err());
    for (String part : expected) {
      assertTrue(run.err().contains(part), "expected '" + part + "' in:\n" + run.err());
    }
    assertFalse(run.err().contains("Exception"), "no stack trace:\n" + run.err());
    assertFalse(Files.exists(sweepRoot), "nothing written: " + sweepRoot);
    assertEquals("", run.out());
  }

  private void write(String name, String text) throws IOException {
    Path file = conf.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
