package dev.hydra4j.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock file a local launcher holds while it runs a sweep. The operating system drops the lock
 * when its holder dies, even by SIGKILL, so "nobody holds it" means for certain that no hydra4j
 * process will start the sweep's pending jobs.
 */
public final class LauncherLock {

  public static final String NAME = ".hydra4j.lock";

  private LauncherLock() {}

  /** Whether some process holds the lock of {@code sweepDir} right now. */
  public static boolean isHeld(Path sweepDir) {
    return holder(sweepDir) != Holder.NOBODY;
  }

  /**
   * Whether another process holds the lock of {@code sweepDir} right now: a launcher that is alive
   * and not this one.
   */
  public static boolean isHeldElsewhere(Path sweepDir) {
    return holder(sweepDir) == Holder.ANOTHER_PROCESS;
  }

  private enum Holder {
    NOBODY,
    THIS_PROCESS,
    ANOTHER_PROCESS
  }

  private static Holder holder(Path sweepDir) {
    Path file = sweepDir.resolve(NAME);
    if (!Files.exists(file)) {
      return Holder.NOBODY;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return Holder.ANOTHER_PROCESS;
      }
      lock.release();
      return Holder.NOBODY;
    } catch (OverlappingFileLockException e) {
      // The JVM refuses a second lock of a file it already holds: this process is the holder.
      return Holder.THIS_PROCESS;
    } catch (IOException e) {
      return Holder.NOBODY;
    }
  }
}
