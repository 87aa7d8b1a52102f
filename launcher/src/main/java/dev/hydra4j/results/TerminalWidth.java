package dev.hydra4j.results;

import dev.hydra4j.launch.Terminal;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The size of the terminal the output goes to, or 0 when it goes to a pipe or a file. */
final class TerminalWidth {

  private TerminalWidth() {}

  /** The number of rows: {@code $LINES}, else {@code stty size}, else 0. */
  static int rows() {
    String lines = System.getenv("LINES");
    if (lines != null) {
      try {
        return Math.max(0, Integer.parseInt(lines.strip()));
      } catch (NumberFormatException e) {
        // ignore a malformed value
      }
    }
    int[] size = stty();
    return size == null ? 0 : size[0];
  }

  /**
   * {@code $COLUMNS} when set (shells export it to scripts only on request, so it is a deliberate
   * choice), else {@code stty size} on the controlling terminal when this process has one, else 0:
   * output to a pipe is never cut.
   */
  static int detect() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        return Math.max(0, Integer.parseInt(columns.strip()));
      } catch (NumberFormatException e) {
        // ignore a malformed value
      }
    }
    int[] size = stty();
    return size == null ? 0 : size[1];
  }

  /** Rows and columns from {@code stty size} on the controlling terminal, or {@code null}. */
  private static int[] stty() {
    if (Terminal.console() == null) {
      return null;
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String text =
          new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        return null;
      }
      String[] parts = text.split("\\s+");
      return parts.length == 2
          ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])}
          : null;
    } catch (java.io.IOException | NumberFormatException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
