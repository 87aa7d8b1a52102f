package dev.hydra4j.execute;

import dev.hydra4j.launch.ProgressReporter;
import dev.hydra4j.launch.StateCounts;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows a single run's output live: copies what the job writes to its {@code stdout.log} and {@code
 * stderr.log} to this terminal as it arrives, so a debug run reads like running the command by hand
 * while the logs are still kept.
 */
final class EchoProgress implements ProgressReporter {

  private final Path jobDir;
  private final PrintStream out;
  private final PrintStream err;
  private final long[] offsets = new long[2];

  /** The file each stream is followed in: a new attempt replaces the file (a new inode). */
  private final Object[] followed = new Object[2];

  private volatile boolean running;
  private Thread follower;

  EchoProgress(Path jobDir, PrintStream out, PrintStream err) {
    this.jobDir = jobDir;
    this.out = out;
    this.err = err;
  }

  @Override
  public synchronized void start(StateCounts counts) {
    // Logs left by an earlier attempt are renamed away when the job starts; never echo them.
    followed[0] = fileKey(jobDir.resolve(RunLayout.STDOUT));
    followed[1] = fileKey(jobDir.resolve(RunLayout.STDERR));
    offsets[0] = offsets[1] = Long.MAX_VALUE;
    running = true;
    follower = new Thread(this::follow, "hydra4j-echo");
    follower.setDaemon(true);
    follower.start();
  }

  @Override
  public void update(JobStatus changed, StateCounts counts) {}

  @Override
  public void message(String text) {
    err.println("hydra4j: " + text);
  }

  @Override
  public synchronized void finish(StateCounts counts) {
    running = false;
    if (follower != null) {
      try {
        follower.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    copyNew();
  }

  private void follow() {
    while (running) {
      copyNew();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void copyNew() {
    copy(jobDir.resolve(RunLayout.STDOUT), 0, out);
    copy(jobDir.resolve(RunLayout.STDERR), 1, err);
  }

  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private void copy(Path file, int slot, PrintStream to) {
    Object key = fileKey(file);
    if (key == null) {
      return;
    }
    if (!key.equals(followed[slot])) {
      followed[slot] = key;
      offsets[slot] = 0;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      if (length <= offsets[slot]) {
        return;
      }
      raf.seek(offsets[slot]);
      byte[] buffer = new byte[(int) Math.min(length - offsets[slot], 1 << 20)];
      raf.readFully(buffer);
      offsets[slot] += buffer.length;
      to.write(buffer, 0, buffer.length);
      to.flush();
    } catch (IOException e) {
      // The log is the record; a failed echo loses nothing.
    }
  }
}
