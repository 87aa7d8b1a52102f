package dev.hydra4j.launch;

import dev.hydra4j.run.RunLayout;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The sweep's master log, {@code launcher.log}: one line per event ({@code <UTC instant>
 * <message>}), appended, so that a resumed sweep continues the story of the first launch. Each line
 * is written with one call and unbuffered, so {@code tail -f} shows it at once and a killed
 * launcher loses nothing it logged.
 */
public final class LauncherLog implements Closeable {

  public static final String NAME = RunLayout.LAUNCHER_LOG;

  private final OutputStream out;
  private boolean broken;

  private LauncherLog(OutputStream out) {
    this.out = out;
  }

  public static LauncherLog open(Path sweepDir) throws IOException {
    return new LauncherLog(new FileOutputStream(sweepDir.resolve(NAME).toFile(), true));
  }

  /** Appends one line; a message with newlines is kept on one line. */
  public synchronized void event(String message) {
    if (broken) {
      return;
    }
    String line = Instant.now() + " " + message.replace('\n', ' ') + "\n";
    try {
      out.write(line.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The log is a convenience: a full disk must not stop the jobs or their status files.
      broken = true;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
