package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.results.FabricatedSweep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What today's config tree says about results: its rules and where runs live. */
class CurrentTreeTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream notices = new ByteArrayOutputStream();

  private CurrentTree tree() {
    return new CurrentTree(tmp, new PrintStream(notices, true, StandardCharsets.UTF_8));
  }

  @Test
  void theRunAndSweepDirsUpToTheirFirstInterpolationAndTheExtraRoots() throws Exception {
    Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(
        tmp.resolve("conf/config.yaml"),
        """
        hydra:
          run:
            dir: /scratch/me/runs/${now:%Y-%m-%d}
          sweep:
            dir: sweeps/${now:%Y}
          results:
            roots: [archive, /data/old]
        """);
    assertEquals(
        List.of(
            Path.of("/scratch/me/runs"),
            tmp.resolve("sweeps"),
            tmp.resolve("archive"),
            Path.of("/data/old")),
        tree().roots());
  }

  @Test
  void withoutATreeRunsLiveInOutputsAndMultirun() {
    assertEquals(List.of(tmp.resolve("outputs"), tmp.resolve("multirun")), tree().roots());
    assertEquals("", notices.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theTreesRulesApplyToARunMadeBeforeThem() throws Exception {
    FabricatedSweep sweep = FabricatedSweep.in(tmp.resolve("multirun/old"));
    Path job = sweep.job(0, "COMPLETED", null, "lr=0.1");
    Files.writeString(job.resolve("stdout.log"), "eval done: top1=0.75\n");
    Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(
        tmp.resolve("conf/config.yaml"),
        """
        hydra:
          results:
            metrics:
              - regex: 'top1=(?P<top1>[0-9.]+)'
        """);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        dev.hydra4j.results.Collect.print(
            sweep.dir(),
            new dev.hydra4j.results.Collect.Options(
                "csv",
                false,
                null,
                null,
                List.of("num", "top1"),
                0,
                null,
                tree().rules(),
                null,
                null),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, code);
    assertEquals("num,top1\r\n0,0.75\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTreeThatNeedsAChoiceIsNamedOnceAndAddsNothing() throws Exception {
    Files.createDirectories(tmp.resolve("conf"));
    Files.writeString(tmp.resolve("conf/config.yaml"), "defaults:\n  - db: ???\n");
    CurrentTree tree = tree();
    tree.rules();
    assertEquals(List.of(tmp.resolve("outputs"), tmp.resolve("multirun")), tree.roots());
    String text = notices.toString(StandardCharsets.UTF_8);
    assertEquals(1, text.lines().count(), text);
    assertTrue(text.contains("You must choose an option for group 'db'"), text);
  }
}
