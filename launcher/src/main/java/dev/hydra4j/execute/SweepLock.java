package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one hydra4j process on a sweep while it launches jobs, so that a {@code resume}
 * typed while the sweep still runs (or two resumes at once) cannot start the same jobs twice. It is
 * an OS file lock on {@code .hydra4j.lock} in the sweep directory: the OS drops it when its holder
 * dies, even by SIGKILL, so a killed launcher never leaves the sweep locked. Where the file system
 * has no locks (some NFS setups), the claim is skipped rather than refusing to run.
 */
final class SweepLock implements AutoCloseable {

  static final String NAME = dev.hydra4j.run.LauncherLock.NAME;

  private final FileChannel channel;
  private final FileLock lock;

  private SweepLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Claims {@code sweepDir}.
   *
   * @throws ConfigException when another hydra4j holds it
   */
  static SweepLock acquire(Path sweepDir) {
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              sweepDir.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      return new SweepLock(null, null);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      return new SweepLock(channel, null);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new ConfigException(
          "Another hydra4j process is running this sweep right now",
          Origin.of(sweepDir.toString()),
          "wait for it to end (hydra4j status "
              + Multirun.display(sweepDir)
              + " shows its progress), or stop it with Ctrl+C");
    }
    return new SweepLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException e) {
      // closing the channel below releases it as well
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was written through it
      }
    }
  }
}
