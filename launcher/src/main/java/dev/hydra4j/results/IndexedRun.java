package dev.hydra4j.results;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StateLabel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run or sweep as the index holds it.
 *
 * @param counts jobs by state, those never started apart ({@code notStarted})
 * @param status the run's overall state: RUNNING if any job runs, else PENDING if any waits, else
 *     COMPLETED if all completed, else FAILED if any failed, else the first other state (CANCELLED,
 *     INTERRUPTED, …)
 */
record IndexedRun(
    String dir,
    String kind,
    Instant start,
    String name,
    List<String> tags,
    int notes,
    int total,
    Map<JobState, Integer> counts,
    int notStarted,
    JobState status,
    List<String> metricNames) {

  static IndexedRun from(ResultSet rs) throws SQLException {
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    int[] notStarted = {0};
    IndexJson.readMap(rs.getString(8))
        .forEach(
            (k, v) -> {
              JobState state = JobState.parse(k);
              if (state != null && v instanceof Long n) {
                counts.put(state, n.intValue());
              } else if (StateLabel.NOT_STARTED.equals(k) && v instanceof Long n) {
                notStarted[0] = n.intValue();
              }
            });
    long start = rs.getLong(3);
    JobState status = JobState.parse(rs.getString(9));
    return new IndexedRun(
        rs.getString(1),
        rs.getString(2),
        rs.wasNull() ? null : Instant.ofEpochMilli(start),
        rs.getString(4),
        IndexJson.readList(rs.getString(5)),
        rs.getInt(6),
        rs.getInt(7),
        counts,
        notStarted[0],
        status == null ? JobState.PENDING : status,
        IndexJson.readList(rs.getString(10)));
  }

  /**
   * The overall state of a run whose jobs are in these states ({@code notStarted} of its PENDING
   * ones never started: they wait for nobody, so they leave the run as its other jobs ended).
   */
  static JobState overall(Map<JobState, Integer> counts, int notStarted, int total) {
    if (counts.getOrDefault(JobState.RUNNING, 0) > 0) {
      return JobState.RUNNING;
    }
    if (counts.getOrDefault(JobState.PENDING, 0) > notStarted || total == 0) {
      return JobState.PENDING;
    }
    if (counts.getOrDefault(JobState.COMPLETED, 0) == total) {
      return JobState.COMPLETED;
    }
    for (JobState failed :
        new JobState[] {
          JobState.FAILED, JobState.TIMEOUT, JobState.OUT_OF_MEMORY, JobState.NODE_FAIL
        }) {
      if (counts.getOrDefault(failed, 0) > 0) {
        return JobState.FAILED;
      }
    }
    for (JobState state : counts.keySet()) {
      if (state != JobState.COMPLETED) {
        return state;
      }
    }
    return JobState.COMPLETED;
  }
}
