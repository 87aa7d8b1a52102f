package dev.hydra4j.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One job as the index holds it.
 *
 * @param settings every hyperparameter and group choice ({@link JobSettings})
 * @param extra the further fields of its status, such as {@code slurm_job_id}
 */
record IndexedJob(
    String runDir,
    int num,
    String dir,
    String state,
    Integer exitCode,
    Double duration,
    Instant start,
    Map<String, Object> params,
    Map<String, Object> metrics,
    List<String> problems,
    String fingerprint,
    Map<String, Object> settings,
    Map<String, Object> extra) {

  static IndexedJob from(ResultSet rs) throws SQLException {
    int exit = rs.getInt(5);
    Integer exitCode = rs.wasNull() ? null : exit;
    double duration = rs.getDouble(6);
    Double seconds = rs.wasNull() ? null : duration;
    long start = rs.getLong(7);
    Instant started = rs.wasNull() ? null : Instant.ofEpochMilli(start);
    return new IndexedJob(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        exitCode,
        seconds,
        started,
        IndexJson.readMap(rs.getString(8)),
        IndexJson.readMap(rs.getString(9)),
        IndexJson.readList(rs.getString(10)),
        rs.getString(11),
        IndexJson.readMap(rs.getString(12)),
        IndexJson.readMap(rs.getString(13)));
  }
}
