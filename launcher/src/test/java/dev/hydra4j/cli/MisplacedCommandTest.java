package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A command typed after options or overrides gets the command line as it should be. */
class MisplacedCommandTest {

  private static void assertMisplaced(String command, String fixed, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(2, run.exitCode(), run.err());
    assertEquals("error: '" + command + "' is a command: it must come first, before any option"
        + " or override\n  at the command line\n  hint: write it as: " + fixed + "\n",
        run.err());
  }

  @Test
  void aCommandAfterConfigOptionsShowsTheCorrectedCommandLine() {
    assertMisplaced("schema", "hydra4j schema -cp configs -cn train experiment=example -p trainer",
        "-cp", "configs", "-cn", "train", "schema", "experiment=example", "-p", "trainer");
  }

  @Test
  void aCommandAfterMultirunOrCfgOrWithItsOwnOptionsIsCaughtFirst() {
    assertMisplaced("status", "hydra4j status -m 'seed=1,2 3'", "-m", "seed=1,2 3", "status");
    assertMisplaced("status", "hydra4j status --cfg job", "--cfg", "job", "status");
    assertMisplaced("status", "hydra4j status -cp conf --latest", "-cp", "conf", "status",
        "--latest");
  }

  @Test
  void aCommandNameAsAnOptionsValueIsThatValue() {
    CliRun run = CliRun.of("-cp", "../conf", "-cn", "status", "--cfg", "job");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("error: Cannot find primary config 'status'"), run.err());
  }
}
