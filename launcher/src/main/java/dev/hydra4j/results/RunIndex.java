package dev.hydra4j.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The run index: a SQLite file ({@code .hydra4j/index.db} by default) that caches what the run and
 * job directories say, so that {@code runs} and {@code export} need not re-read thousands of files.
 * The directories stay the only source of truth: the index is brought up to date from them on every
 * use ({@link IndexRefresh}), may be deleted at any time, and is rebuilt from scratch when it is
 * unreadable or of another schema version.
 *
 * <p>It is opened without a write-ahead log and without syncs: a journal in the same directory
 * works on NFS where WAL's shared memory does not, and a cache that loses its last write to a power
 * cut is simply refreshed again.
 */
final class RunIndex implements AutoCloseable {

  /** Bumped whenever the tables change; an index of another version is rebuilt. */
  static final int SCHEMA = 3;

  private static final String[] TABLES = {
    "CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE runs (dir TEXT PRIMARY KEY, kind TEXT NOT NULL, start_ms INTEGER,"
        + " name TEXT, tags TEXT, notes INTEGER, total INTEGER, counts TEXT, status TEXT,"
        + " metric_names TEXT, fingerprint TEXT)",
    "CREATE TABLE jobs (run_dir TEXT NOT NULL, num INTEGER NOT NULL, dir TEXT, state TEXT,"
        + " exit_code INTEGER, duration REAL, start_ms INTEGER, params TEXT, metrics TEXT,"
        + " problems TEXT, fingerprint TEXT, settings TEXT, extra TEXT,"
        + " PRIMARY KEY (run_dir, num))"
  };

  private final Path file;
  private final Connection db;

  private RunIndex(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  /**
   * Opens the index at {@code file}, creating it, or recreating it when it is damaged or of another
   * schema version.
   *
   * @param notices where to say that a damaged index was rebuilt
   */
  static RunIndex open(Path file, java.io.PrintStream notices) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try {
      RunIndex index = connect(file);
      if (index.schemaOk()) {
        return index;
      }
      index.close();
    } catch (SQLException e) {
      notices.println(
          "hydra4j: the run index "
              + Display.path(file)
              + " was unreadable ("
              + firstLine(e.getMessage())
              + "); rebuilding it from the run directories");
    }
    deleteFiles(file);
    try {
      RunIndex index = connect(file);
      index.create();
      return index;
    } catch (SQLException e) {
      throw new IOException("cannot create the run index " + file + ": " + e.getMessage(), e);
    }
  }

  private static RunIndex connect(Path file) throws SQLException {
    SqliteNative.prepare();
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
    config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    config.setBusyTimeout(10_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    Connection db = source.getConnection();
    return new RunIndex(file, db);
  }

  private boolean schemaOk() throws SQLException {
    try (Statement s = db.createStatement()) {
      // Reading the whole catalogue makes SQLite check the file header and first pages.
      try (ResultSet tables =
          s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
        if (!tables.next() || tables.getInt(1) == 0) {
          return false;
        }
      }
      try (ResultSet version = s.executeQuery("SELECT value FROM info WHERE key = 'schema'")) {
        return version.next() && String.valueOf(SCHEMA).equals(version.getString(1));
      } catch (SQLException e) {
        return false;
      }
    }
  }

  private void create() throws SQLException {
    try (Statement s = db.createStatement()) {
      for (String table : TABLES) {
        s.execute(table);
      }
      s.execute("INSERT INTO info VALUES ('schema', '" + SCHEMA + "')");
    }
  }

  private static void deleteFiles(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
  }

  Connection db() {
    return db;
  }

  Path file() {
    return file;
  }

  /** The fingerprints of the indexed runs, by directory. */
  /**
   * Runs with a job indexed as RUNNING. Such a job can end without any file changing (its launcher
   * was killed and the process is gone), so these runs are read again every time.
   */
  java.util.Set<String> runsWithRunningJobs() throws SQLException {
    java.util.Set<String> out = new java.util.HashSet<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT DISTINCT run_dir FROM jobs WHERE state = 'RUNNING'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  Map<String, String> runFingerprints() throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT dir, fingerprint FROM runs")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** The indexed runs, newest first. */
  List<IndexedRun> runs() throws SQLException {
    List<IndexedRun> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT dir, kind, start_ms, name, tags, notes, total,"
                    + " counts, status, metric_names FROM runs ORDER BY start_ms DESC, dir DESC")) {
      while (rs.next()) {
        out.add(IndexedRun.from(rs));
      }
    }
    return out;
  }

  /** Every indexed job of the run in {@code dir}, by number. */
  List<IndexedJob> jobs(String runDir) throws SQLException {
    List<IndexedJob> out = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT run_dir, num, dir, state,"
                + " exit_code, duration, start_ms, params, metrics, problems, fingerprint, settings,"
                + " extra FROM jobs"
                + " WHERE run_dir = ? ORDER BY num")) {
      s.setString(1, runDir);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(IndexedJob.from(rs));
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // nothing is lost: the index is a cache
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
