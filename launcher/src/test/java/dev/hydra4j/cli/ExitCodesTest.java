package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The exit codes: one list, documented in the README and in --help; a bug is one line, 70. */
class ExitCodesTest {

  @Test
  void anInternalErrorIsOneLineAndSeventyWithoutATrace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = Main.handle(new IllegalStateException("the plan has no job 7\nsecond line"), err);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCode.INTERNAL_ERROR, code);
    assertTrue(
        text.startsWith("internal error: IllegalStateException: the plan has no job 7\n"), text);
    assertTrue(text.contains("this is a bug in hydra4j") && text.contains("HYDRA4J_DEBUG=1"), text);
    if (System.getenv(Main.DEBUG_VARIABLE) == null) {
      assertFalse(text.contains("\tat "), "no stack trace unless asked for:\n" + text);
      assertEquals(2, text.lines().count(), text);
    }
  }

  @Test
  void everyCodeIsDocumentedInTheReadmeAndInHelp() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String exitCodes = readme.substring(readme.indexOf("Exit codes:"));
    exitCodes = exitCodes.substring(0, exitCodes.indexOf("\n\n"));
    CliRun help = CliRun.of("--help");
    for (Field field : ExitCode.class.getFields()) {
      int code = field.getInt(null);
      assertTrue(exitCodes.contains("`" + code + "`"), code + " in the README:\n" + exitCodes);
      assertTrue(help.out().matches("(?s).*\\b" + code + " [a-zI].*"), code + " in --help");
    }
  }

  @Test
  void aConfigErrorIsTwo() {
    CliRun run = CliRun.of("--cfg", "job", "-cp", "/nonexistent-dir-xyz");
    assertEquals(ExitCode.USAGE, run.exitCode());
  }
}
