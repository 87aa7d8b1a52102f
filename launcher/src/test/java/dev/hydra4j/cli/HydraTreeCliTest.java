package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Command lines of Hydra users: --version-base, hydra.mode in a config, ??? choices swept. */
class HydraTreeCliTest {

  @TempDir Path dir;

  private Path conf(String config) throws IOException {
    Path conf = dir.resolve("conf");
    Files.createDirectories(conf.resolve("db"));
    Files.writeString(conf.resolve("config.yaml"), config);
    Files.writeString(conf.resolve("db/mysql.yaml"), "# @package _group_\ndriver: mysql\n");
    Files.writeString(conf.resolve("db/sqlite.yaml"), "driver: sqlite\n");
    return conf;
  }

  @Test
  void theVersionBaseFlagSelectsHydra11Rules() throws IOException {
    Path conf = conf("defaults:\n  - db: mysql\n");
    CliRun now = CliRun.of("-cp", conf.toString(), "--cfg", "job");
    assertEquals("_group_:\n  driver: mysql\n", now.out(), now.err());
    CliRun legacy = CliRun.of("-cp", conf.toString(), "--version-base", "1.1", "--cfg", "job");
    assertEquals("db:\n  driver: mysql\n", legacy.out(), legacy.err());
    CliRun bad = CliRun.of("-cp", conf.toString(), "--version-base", "0.9", "--cfg", "job");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("1.1, 1.2 or 1.3"), bad.err());
  }

  @Test
  @Timeout(60)
  void aConfigWithHydraModeMultirunSweepsWithoutDashM() throws IOException {
    Path conf = conf("defaults:\n  - db: sqlite\n  - _self_\nhydra:\n  mode: MULTIRUN\n");
    Path out = dir.resolve("out");
    CliRun run =
        CliRun.of(
            "-cp", conf.toString(), "hydra.sweep.dir=" + out, "db=mysql,sqlite", "--", "true");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.isDirectory(out.resolve("0")) && Files.isDirectory(out.resolve("1")));
    assertFalse(Files.exists(out.resolve("2")));
  }

  @Test
  @Timeout(60)
  void aSweepFillsAMissingChoiceAndARunWithoutItIsRefused() throws IOException {
    Path conf = conf("defaults:\n  - db: ???\n  - _self_\n");
    Path out = dir.resolve("out");
    CliRun run =
        CliRun.of(
            "-cp",
            conf.toString(),
            "-m",
            "hydra.sweep.dir=" + out,
            "db=mysql,sqlite",
            "--",
            "true");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(out.resolve("1/.hydra/config.yaml")).contains("sqlite"));
    CliRun unfilled =
        CliRun.of(
            "-cp", conf.toString(), "-m", "hydra.sweep.dir=" + out + "2", "+x=1,2", "--", "true");
    assertEquals(2, unfilled.exitCode(), unfilled.err());
    assertTrue(unfilled.err().contains("You must choose an option for group 'db'"), unfilled.err());
    assertFalse(Files.exists(dir.resolve("out2")));
  }

  @Test
  @Timeout(60)
  void underVersionBase11AJobRunsInItsOwnDirectory() throws IOException {
    Path conf = conf("a: 1\n");
    for (String base : new String[] {"1.1", "1.3"}) {
      Path out = dir.resolve("out" + base);
      Path where = dir.resolve("where" + base + ".txt");
      CliRun run =
          CliRun.of(
              "-cp",
              conf.toString(),
              "--version-base",
              base,
              "-m",
              "hydra.sweep.dir=" + out,
              "a=1",
              "--",
              "sh",
              "-c",
              "pwd -P > \"$0\"",
              where.toString());
      assertEquals(0, run.exitCode(), run.err());
      String cwd = Files.readString(where).strip();
      assertEquals(
          base.equals("1.1"),
          cwd.equals(out.resolve("0").toRealPath().toString()),
          base + ": " + cwd);
    }
  }
}
