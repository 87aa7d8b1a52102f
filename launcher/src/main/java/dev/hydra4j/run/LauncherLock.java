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
    Path file = sweepDir.resolve(NAME);
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
