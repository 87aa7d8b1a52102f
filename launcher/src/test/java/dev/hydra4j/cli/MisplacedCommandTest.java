package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A command typed after options or overrides gets the command line as it should be. */
class MisplacedCommandTest {

  private static void assertMisplaced(String command, String hint, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(
        "error: '"
            + command
            + "' is a command: it must come first, before any option"
            + " or override\n  at the command line\n  hint: "
            + hint
            + "\n",
        run.err());
  }

  @Test
  void aCommandAfterOptionsItTakesShowsTheCorrectedCommandLine() {
    assertMisplaced(
        "schema",
        "write it as: hydra4j schema -cp configs -cn train experiment=example -p trainer",
        "-cp",
        "configs",
        "-cn",
        "train",
        "schema",
        "experiment=example",
        "-p",
        "trainer");
    assertMisplaced(
        "schema",
        "write it as: hydra4j schema -cp conf 'exp=a b'",
        "-cp",
        "conf",
        "exp=a b",
        "schema");
  }

  @Test
  void aCommandAfterOptionsItDoesNotTakeNamesThem() {
    assertMisplaced(
        "status",
        "write the command first (hydra4j status …); status does not take"
            + " -m, see hydra4j status --help",
        "-m",
        "seed=1,2",
        "status");
    assertMisplaced(
        "status",
        "write the command first (hydra4j status …); status does not take"
            + " --cfg, -cp, see hydra4j status --help",
        "--cfg=job",
        "-cp",
        "conf",
        "status",
        "--latest");
  }

  @Test
  void aCommandNameAsAnOptionsValueIsThatValue() {
    CliRun run = CliRun.of("-cp", "../conf", "-cn", "status", "--cfg", "job");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("error: Cannot find primary config 'status'"), run.err());
  }
}
