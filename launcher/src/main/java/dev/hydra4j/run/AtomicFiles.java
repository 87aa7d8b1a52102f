package dev.hydra4j.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a reader sees either the old content or the new one, never a part, even
 * if the writer is killed or the machine loses power halfway.
 *
 * <p>The content goes to a hidden temp file in the same directory (a rename is only atomic within
 * one file system), is flushed to disk, and is renamed over the target; then the directory is
 * flushed so the rename itself survives a crash. A killed writer can leave a {@code .<name>.*.tmp}
 * file behind, never a torn target.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} as UTF-8. */
  public static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    write(target, content, true);
  }

  /**
   * Like {@link #write(Path, byte[])}; with {@code durable} false the data is not forced to disk.
   * The replacement is still atomic for every reader and survives the writer being killed, but a
   * power loss may bring the old content back. For states that are harmless to lose, such as
   * RUNNING, whose loss only means the job is run again.
   */
  public static void write(Path target, byte[] content, boolean durable) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
    Path temp = dir.resolve("." + target.getFileName() + "." + suffix + ".tmp");
    try {
      // A stream rather than a FileChannel: a channel is closed by Thread.interrupt(), which
      // would turn a caller's interrupt into a lost state write.
      try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
        out.write(content);
        if (durable) {
          out.getFD().sync();
        }
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    if (durable) {
      syncDirectory(dir);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot open or flush a directory; the rename stays atomic there,
      // only its durability across power loss is up to the file system.
    }
  }
}
