package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's {@code --help} renders cleanly. picocli reports a description it cannot format (a
 * bare {@code %}) on the JVM's own standard error, not the CLI's stream, so that is where this
 * looks.
 */
class HelpTextTest {

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(
      strings = {
        "resume",
        "rerun",
        "run-job",
        "status",
        "kill",
        "collect",
        "runs",
        "show",
        "compare",
        "tag",
        "note",
        "export",
        "monitor",
        "report",
        "notebook",
        "schema"
      })
  void helpHasNoFormattingWarnings(String command) {
    PrintStream original = System.err;
    ByteArrayOutputStream jvmErr = new ByteArrayOutputStream();
    CliRun run;
    try {
      System.setErr(new PrintStream(jvmErr, true, StandardCharsets.UTF_8));
      run = CliRun.of(command, "--help");
    } finally {
      System.setErr(original);
    }
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Usage:"), run.out());
    String warnings = jvmErr.toString(StandardCharsets.UTF_8) + run.err();
    assertFalse(warnings.contains("WARN"), warnings);
  }
}
