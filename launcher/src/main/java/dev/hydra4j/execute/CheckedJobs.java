package dev.hydra4j.execute;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jobs composed while the sweep was checked, kept for their launch so that a job is not composed a
 * second time when it starts (composing again was a tenth of a short job's cost). They were
 * prepared for the directory the sweep asked for; if the sweep got another one (that name was
 * taken), none is used. Bounded: the first {@link #LIMIT} jobs are kept, later ones are composed
 * again when they start, and each is dropped as it is taken.
 */
final class CheckedJobs {

  static final int LIMIT = 4_096;

  /** Keeps nothing: every job is composed when it starts. */
  static final CheckedJobs NONE = new CheckedJobs(null);

  private final Path root;
  private final Map<Integer, PreparedJob> byNum = new ConcurrentHashMap<>();

  /**
   * @param root the sweep directory the jobs are prepared for
   */
  CheckedJobs(Path root) {
    this.root = root;
  }

  void keep(PreparedJob job) {
    if (root != null && byNum.size() < LIMIT) {
      byNum.put(job.num(), job);
    }
  }

  /** Job {@code num} as checked, if kept and prepared for {@code sweepDir}; else {@code null}. */
  PreparedJob take(int num, Path sweepDir) {
    PreparedJob job = byNum.remove(num);
    return job != null && root.equals(sweepDir) ? job : null;
  }
}
