package dev.hydra4j.run;

/**
 * Where a job is in its life. The names are SLURM's job state names where SLURM has one, so that
 * the SLURM launcher can store {@code sacct} states unchanged and a status file reads the same
 * whichever launcher wrote it.
 */
public enum JobState {
  /** Not started yet; also what a job directory without a status file means. */
  PENDING,
  RUNNING,
  /** Ended with exit code 0. */
  COMPLETED,
  /** Ended with a non-zero exit code, or could not be started at all. */
  FAILED,
  /** Killed by the launcher after its time limit. */
  TIMEOUT,
  /** Cancelled by a person or a scheduler before it could finish (e.g. {@code scancel}). */
  CANCELLED,
  /** Stopped because the launcher itself was interrupted (Ctrl-C); resume runs it again. */
  INTERRUPTED,
  OUT_OF_MEMORY,
  /**
   * Stopped early on purpose by an adaptive sweeper (its curve was poor): a trial's outcome, not a
   * failure; resume skips it as it skips COMPLETED.
   */
  PRUNED,
  NODE_FAIL,
  PREEMPTED,
  /**
   * Never ran, and never will as things stand: a job of an earlier pipeline stage it depends on did
   * not complete (see {@link StageLinks}). Decided from the files, so it reads the same for every
   * launcher; rerunning the upstream job runs it again.
   */
  SKIPPED;

  /** True once the job will not change state again without being launched anew. */
  public boolean isTerminal() {
    return this != PENDING && this != RUNNING;
  }

  /** True for {@link #COMPLETED} and {@link #PRUNED}: the states that {@code resume} skips. */
  public boolean isSuccess() {
    return this == COMPLETED || this == PRUNED;
  }

  /**
   * The state named {@code text}, ignoring case and surrounding blanks, or {@code null}. SLURM
   * prints some states with a suffix ({@code CANCELLED by 1000}); only the first word counts.
   */
  public static JobState parse(String text) {
    if (text == null) {
      return null;
    }
    String word = text.strip();
    int space = word.indexOf(' ');
    if (space >= 0) {
      word = word.substring(0, space);
    }
    for (JobState state : values()) {
      if (state.name().equalsIgnoreCase(word)) {
        return state;
      }
    }
    return null;
  }
}
