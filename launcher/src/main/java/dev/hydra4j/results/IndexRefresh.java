package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StateLabel;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the index up to date with the directories. A job is re-read only when its fingerprint
 * changed — the modification times of its directory (a file such as metrics.json appeared) and of
 * its status.json (the launcher or the SLURM script recorded a new state; every attempt ends by
 * replacing it) — and a run only when its own files or any of its jobs changed. So the cost of an
 * unchanged index is one directory walk and two {@code stat}s per job.
 */
final class IndexRefresh {

  private final RunIndex index;
  private final Harvester harvester = new Harvester();

  IndexRefresh(RunIndex index) {
    this.index = index;
  }

  /** Indexes every run below {@code roots}, and forgets indexed runs there that are gone. */
  void refresh(List<Path> roots) throws IOException, SQLException {
    List<Path> dirs = RunFinder.find(roots);
    Map<String, String> known = index.runFingerprints();
    Set<String> running = index.runsWithRunningJobs();
    Connection db = index.db();
    db.setAutoCommit(false);
    try {
      Set<String> seen = new HashSet<>();
      for (Path dir : dirs) {
        seen.add(dir.toString());
        RecordedRun run;
        try {
          run = RecordedRun.open(dir);
        } catch (ConfigException e) {
          continue; // vanished or damaged between the walk and now
        }
        List<String> jobPrints = new ArrayList<>(run.jobs().size());
        for (RecordedRun.JobEntry job : run.jobs()) {
          jobPrints.add(jobFingerprint(job.dir()));
        }
        String print = runFingerprint(dir, jobPrints);
        if (!print.equals(known.get(dir.toString())) || running.contains(dir.toString())) {
          update(run, jobPrints, print);
        }
      }
      forgetMissing(known.keySet(), seen);
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  private void update(RecordedRun run, List<String> jobPrints, String print) throws SQLException {
    String runDir = run.dir().toString();
    Map<Integer, IndexedJob> old = new HashMap<>();
    for (IndexedJob job : index.jobs(runDir)) {
      old.put(job.num(), job);
    }
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    int notStarted = 0;
    LinkedHashSet<String> metricNames = new LinkedHashSet<>();
    Set<Integer> nums = new HashSet<>();
    dev.hydra4j.run.SweepState state = null;
    try (PreparedStatement upsert =
        index
            .db()
            .prepareStatement(
                "INSERT OR REPLACE INTO jobs"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < run.jobs().size(); i++) {
        RecordedRun.JobEntry job = run.jobs().get(i);
        nums.add(job.num());
        IndexedJob before = old.get(job.num());
        if (before != null
            && before.fingerprint().equals(jobPrints.get(i))
            && stateOf(before.state()) != JobState.RUNNING) {
          counts.merge(stateOf(before.state()), 1, Integer::sum);
          notStarted += StateLabel.NOT_STARTED.equals(before.state()) ? 1 : 0;
          metricNames.addAll(before.metrics().keySet());
          continue;
        }
        if (state == null) {
          state = run.state();
        }
        JobRow row = RunResults.readJob(job, harvester, state);
        counts.merge(row.state(), 1, Integer::sum);
        notStarted += row.notStarted() ? 1 : 0;
        metricNames.addAll(row.metrics().keySet());
        bind(upsert, runDir, row, jobPrints.get(i));
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    try (PreparedStatement delete =
        index.db().prepareStatement("DELETE FROM jobs WHERE run_dir = ? AND num = ?")) {
      for (Integer num : old.keySet()) {
        if (!nums.contains(num)) {
          delete.setString(1, runDir);
          delete.setInt(2, num);
          delete.addBatch();
        }
      }
      delete.executeBatch();
    }
    RunMeta meta = RunMeta.readLeniently(run.dir());
    try (PreparedStatement s =
        index
            .db()
            .prepareStatement(
                "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Map<String, Object> countJson = new java.util.LinkedHashMap<>();
      StateLabel.tally(counts, notStarted).forEach((k, v) -> countJson.put(k, (long) v));
      s.setString(1, runDir);
      s.setString(2, run.kind().label());
      s.setLong(3, RunFiles.start(run.dir()).toEpochMilli());
      s.setString(4, meta.name());
      s.setString(5, IndexJson.list(meta.tags()));
      s.setInt(6, meta.notes().size());
      s.setInt(7, run.jobs().size());
      s.setString(8, IndexJson.map(countJson));
      s.setString(9, IndexedRun.overall(counts, notStarted, run.jobs().size()).name());
      s.setString(10, IndexJson.list(List.copyOf(metricNames)));
      s.setString(11, print);
      s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, String runDir, JobRow row, String print)
      throws SQLException {
    s.setString(1, runDir);
    s.setInt(2, row.num());
    s.setString(3, row.dir().toString());
    s.setString(4, row.stateLabel());
    if (row.status().exitCode() == null) {
      s.setNull(5, Types.INTEGER);
    } else {
      s.setInt(5, row.status().exitCode());
    }
    if (row.seconds() == null) {
      s.setNull(6, Types.REAL);
    } else {
      s.setDouble(6, row.seconds());
    }
    if (row.status().start() == null) {
      s.setNull(7, Types.INTEGER);
    } else {
      s.setLong(7, row.status().start().toEpochMilli());
    }
    s.setString(8, IndexJson.map(row.params()));
    s.setString(9, IndexJson.map(row.metrics()));
    s.setString(10, IndexJson.list(row.problems()));
    s.setString(11, print);
    s.setString(12, IndexJson.map(JobSettings.read(row.dir())));
    s.setString(13, IndexJson.map(row.status().extra()));
  }

  private void forgetMissing(Set<String> known, Set<String> seen) throws SQLException {
    try (PreparedStatement runs = index.db().prepareStatement("DELETE FROM runs WHERE dir = ?");
        PreparedStatement jobs =
            index.db().prepareStatement("DELETE FROM jobs WHERE run_dir = ?")) {
      for (String dir : known) {
        // Everything not found this time goes, so a --root given once is not remembered.
        if (!seen.contains(dir)) {
          runs.setString(1, dir);
          runs.executeUpdate();
          jobs.setString(1, dir);
          jobs.executeUpdate();
        }
      }
    }
  }

  private static JobState stateOf(String name) {
    JobState state = JobState.parse(name);
    return state == null ? JobState.PENDING : state;
  }

  static String jobFingerprint(Path jobDir) {
    String status;
    try {
      java.nio.file.attribute.BasicFileAttributes a =
          Files.readAttributes(
              StatusFile.path(jobDir), java.nio.file.attribute.BasicFileAttributes.class);
      status = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + "/" + a.size();
    } catch (IOException e) {
      status = "-";
    }
    return mtime(jobDir) + "/" + status;
  }

  /**
   * A 64-bit FNV-1a hash of the run's own files' times and its jobs' fingerprints: enough to notice
   * a change, and without the start-up cost of a cryptographic digest.
   */
  private static String runFingerprint(Path dir, List<String> jobPrints) {
    long hash = 0xcbf29ce484222325L;
    StringBuilder text = new StringBuilder();
    for (String name :
        new String[] {
          "", RunFiles.PLAN_JSON, RunMeta.NAME, RunFiles.RUN_JSON, dev.hydra4j.run.SweepJournal.NAME
        }) {
      text.append(mtime(name.isEmpty() ? dir : dir.resolve(name))).append(';');
    }
    for (String print : jobPrints) {
      text.append(print).append(';');
    }
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return jobPrints.size() + ":" + Long.toHexString(hash);
  }

  private static long mtime(Path path) {
    try {
      return Files.getLastModifiedTime(path).to(java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      return 0;
    }
  }
}
