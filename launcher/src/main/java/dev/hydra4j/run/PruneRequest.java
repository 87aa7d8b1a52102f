package dev.hydra4j.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An adaptive sweeper's request to stop a job early: the file {@code prune.request} in the job
 * directory. The local launcher stops a job that has one (SIGTERM, then SIGKILL after the grace
 * period) and records it as {@link JobState#PRUNED}.
 */
public final class PruneRequest {

  public static final String NAME = "prune.request";

  private PruneRequest() {}

  public static boolean isRequested(Path jobDir) {
    return Files.exists(jobDir.resolve(NAME));
  }

  public static void request(Path jobDir, String reason) throws IOException {
    AtomicFiles.write(jobDir.resolve(NAME), reason + "\n");
  }

  /** Withdraws a request of an earlier attempt, before the job starts again. */
  public static void clear(Path jobDir) throws IOException {
    Files.deleteIfExists(jobDir.resolve(NAME));
  }
}
