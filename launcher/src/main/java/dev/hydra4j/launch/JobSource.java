package dev.hydra4j.launch;

import java.util.List;

/**
 * The jobs of one launch, produced on demand so that a sweep of 100,000 jobs need not exist in
 * memory at once. A launcher calls {@link #get} once per job it starts, in index order from any of
 * its worker threads, and never for a job it does not start.
 */
public interface JobSource {

  int size();

  /** The job at {@code index}, {@code 0 <= index < size()}. Must be thread-safe. */
  JobSpec get(int index);

  /**
   * The job number at {@code index}, for reporting jobs that were never started. Sources whose
   * {@link #get} is costly or writes files should answer without calling it.
   */
  default int num(int index) {
    return get(index).num();
  }

  static JobSource of(List<JobSpec> jobs) {
    List<JobSpec> copy = List.copyOf(jobs);
    return new JobSource() {
      @Override
      public int size() {
        return copy.size();
      }

      @Override
      public JobSpec get(int index) {
        return copy.get(index);
      }
    };
  }
}
