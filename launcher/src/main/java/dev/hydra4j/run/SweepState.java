package dev.hydra4j.run;

import dev.hydra4j.config.ConfigException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The states of a sweep's jobs: what {@code status}, {@code collect} and {@code resume} all decide
 * from. A local launcher's {@link SweepJournal} is the truth for every job it records; other jobs
 * (a SLURM array's, or a sweep written before journals) are read from their {@code status.json}.
 * Built from files alone, so it is right even after the launcher that wrote them was killed.
 *
 * <p>The one question every reader asks is {@link #effective(int)}: the job's state as it stands, a
 * RUNNING job whose process is gone counting as INTERRUPTED.
 */
public final class SweepState {

  /** How deep below the sweep dir job directories are looked for (nested subdirs). */
  private static final int MAX_DEPTH = 8;

  private final Map<Integer, JobStatus> statuses;
  private final Map<Integer, Path> jobDirs;
  private final Map<Path, String> unreadable;
  private final SweepJournal.Contents journal;
  private Path sweepDir;
  private Boolean launcherElsewhere;
  private Upstream upstream;

  private SweepState(
      Map<Integer, JobStatus> statuses, Map<Integer, Path> jobDirs, Map<Path, String> bad) {
    this(statuses, jobDirs, bad, SweepJournal.Contents.none());
  }

  private SweepState(
      Map<Integer, JobStatus> statuses,
      Map<Integer, Path> jobDirs,
      Map<Path, String> bad,
      SweepJournal.Contents journal) {
    this.statuses = Collections.unmodifiableMap(statuses);
    this.jobDirs = Collections.unmodifiableMap(jobDirs);
    this.unreadable = Collections.unmodifiableMap(bad);
    this.journal = journal;
  }

  /**
   * Reads the state of the jobs {@code jobDirs} (every job of the sweep's plan, by number): from
   * the sweep's journal where it records them, otherwise from their status files. Job directories
   * may be anywhere below the sweep, hidden or deep; a missing status file means PENDING.
   */
  public static SweepState read(Path sweepDir, Map<Integer, Path> jobDirs) throws IOException {
    return read(sweepDir, SweepJournal.read(sweepDir), jobDirs);
  }

  /**
   * {@link #read(Path, Map)} with the sweep's journal already read ({@link SweepJournal#read}), so
   * that a reader can read it while it parses the plan that lists {@code jobDirs}.
   */
  public static SweepState read(
      Path sweepDir, SweepJournal.Contents journal, Map<Integer, Path> jobDirs) {
    Map<Integer, JobStatus> statuses = new TreeMap<>();
    Map<Path, String> bad = new LinkedHashMap<>();
    for (Map.Entry<Integer, Path> e : jobDirs.entrySet()) {
      JobStatus recorded = journal.statuses().get(e.getKey());
      if (recorded != null) {
        statuses.put(e.getKey(), recorded);
        continue;
      }
      try {
        statuses.put(e.getKey(), StatusFile.read(e.getValue(), e.getKey()));
      } catch (ConfigException problem) {
        bad.put(StatusFile.path(e.getValue()), problem.getMessage());
      }
    }
    return new SweepState(statuses, new TreeMap<>(jobDirs), bad, journal).in(sweepDir);
  }

  /** No job has a status yet. */
  public static SweepState empty() {
    return new SweepState(new TreeMap<>(), new TreeMap<>(), new LinkedHashMap<>());
  }

  /**
   * Reads every {@code status.json} below {@code sweepDir}. Job directories are found by their
   * status file, whatever {@code hydra.sweep.subdir} made of their names; the walk does not descend
   * into a job directory (where a job's own outputs may be many) nor into hidden directories such
   * as {@code .hydra}. A job directory without a status file is not listed: its job is PENDING.
   */
  public static SweepState read(Path sweepDir) throws IOException {
    Map<Integer, JobStatus> statuses = new TreeMap<>();
    Map<Integer, Path> dirs = new TreeMap<>();
    Map<Path, String> bad = new LinkedHashMap<>();
    Files.walkFileTree(
        sweepDir,
        EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(sweepDir)) {
              return FileVisitResult.CONTINUE;
            }
            if (dir.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Path file = StatusFile.path(dir);
            byte[] bytes;
            try {
              bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
              return Files.isDirectory(dir.resolve(RunLayout.HYDRA_DIR))
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            } catch (IOException e) {
              bad.put(file, String.valueOf(e.getMessage()));
              return FileVisitResult.SKIP_SUBTREE;
            }
            try {
              JobStatus status = StatusFile.parse(bytes, numberIn(dir), file);
              Path other = dirs.putIfAbsent(status.num(), dir);
              if (other != null) {
                bad.put(file, "job " + status.num() + " is already recorded in " + other);
              } else {
                statuses.put(status.num(), status);
              }
            } catch (ConfigException e) {
              bad.put(file, e.getMessage());
            }
            return FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            bad.put(file, String.valueOf(e.getMessage()));
            return FileVisitResult.CONTINUE;
          }
        });
    // The journal knows jobs the walk cannot find (hidden or deep directories) and is newer
    // than any status file it wrote.
    SweepJournal.Contents journal = SweepJournal.read(sweepDir);
    statuses.putAll(journal.statuses());
    dirs.putAll(journal.jobDirs());
    return new SweepState(statuses, dirs, bad, journal).in(sweepDir);
  }

  /** Reads the status of each job in {@code jobDirs}; a missing status file means PENDING. */
  public static SweepState read(Map<Integer, Path> jobDirs) {
    Map<Integer, JobStatus> statuses = new TreeMap<>();
    Map<Path, String> bad = new LinkedHashMap<>();
    for (Map.Entry<Integer, Path> e : jobDirs.entrySet()) {
      try {
        statuses.put(e.getKey(), StatusFile.read(e.getValue(), e.getKey()));
      } catch (ConfigException problem) {
        bad.put(StatusFile.path(e.getValue()), problem.getMessage());
      }
    }
    return new SweepState(statuses, new TreeMap<>(jobDirs), bad);
  }

  private static int numberIn(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Job {@code num}'s state as it stands: the recorded status, except that a job recorded RUNNING
   * on this machine whose process is gone, while no other process runs the sweep, is INTERRUPTED
   * (its launcher died before recording the end; nothing will), ending when it last wrote output,
   * and that a pipeline stage's job that never started is SKIPPED when an upstream job it needs did
   * not complete ({@link Upstream}).
   */
  public JobStatus effective(int num) {
    JobStatus recorded = status(num);
    JobStatus effective = effective(recorded, jobDir(num));
    if (effective.state() != recorded.state() && launcherRunsElsewhere()) {
      // Its process has just exited and the live launcher is about to record how: until then
      // it is still RUNNING, not a job whose launcher died.
      effective = recorded;
    }
    return upstream().skippedOr(effective);
  }

  /** Whether another process runs this sweep now (asked once, when a job's process is gone). */
  private boolean launcherRunsElsewhere() {
    if (launcherElsewhere == null) {
      launcherElsewhere = sweepDir != null && LauncherLock.isHeldElsewhere(sweepDir);
    }
    return launcherElsewhere;
  }

  /** The sweep's directory, whose {@code stage.json} (if any) names its upstream stages. */
  private SweepState in(Path dir) {
    this.sweepDir = dir;
    return this;
  }

  /** What this sweep's jobs wait for, when it is a pipeline stage: read on first use. */
  public Upstream upstream() {
    if (upstream == null) {
      upstream = sweepDir == null ? Upstream.none() : Upstream.of(sweepDir);
    }
    return upstream;
  }

  /** {@link #effective(int)} for one status read elsewhere, of the job in {@code jobDir}. */
  public static JobStatus effective(JobStatus recorded, Path jobDir) {
    if (recorded.state() != JobState.RUNNING || recorded.extra().containsKey("slurm_job_id")) {
      return recorded;
    }
    boolean gone = jobDir == null ? isAbandoned(recorded) : JobProcess.abandoned(recorded, jobDir);
    return gone
        ? recorded.ended(JobState.INTERRUPTED, null, lastOutput(jobDir, recorded))
        : recorded;
  }

  private static Instant lastOutput(Path jobDir, JobStatus status) {
    try {
      return Files.getLastModifiedTime(jobDir.resolve(JobLogs.COMBINED)).toInstant();
    } catch (IOException | RuntimeException e) {
      return status.start();
    }
  }

  /**
   * What the journal lost to a crash, for {@code status} to say, or {@code null}: records that a
   * kill or a power cut tore are skipped, their jobs read as before the record.
   */
  public String journalDamage() {
    if (journal.damaged() == 0 && !journal.tornTail()) {
      return null;
    }
    return (journal.tornTail() ? "its last record was cut off by a crash" : "")
        + (journal.tornTail() && journal.damaged() > 0 ? " and " : "")
        + (journal.damaged() > 0 ? journal.damaged() + " damaged record(s)" : "")
        + " (skipped)";
  }

  /** The journal's last record of each job it knows. */
  Map<Integer, JobStatus> journalled() {
    return journal.statuses();
  }

  /** The recorded statuses by job number. */
  public Map<Integer, JobStatus> statuses() {
    return statuses;
  }

  /** The status of job {@code num}; PENDING when nothing is recorded. */
  public JobStatus status(int num) {
    JobStatus s = statuses.get(num);
    return s == null ? JobStatus.pending(num) : s;
  }

  /** Every known job directory, by job number. */
  public Map<Integer, Path> jobDirs() {
    return jobDirs;
  }

  /** The directory of job {@code num}, or {@code null} when not known. */
  public Path jobDir(int num) {
    return jobDirs.get(num);
  }

  /** Status files that could not be read, with the reason; their jobs count as PENDING. */
  public Map<Path, String> unreadable() {
    return unreadable;
  }

  /** The jobs among {@code 0 … total-1} that have not COMPLETED: what resume runs again. */
  public SortedSet<Integer> notCompleted(int total) {
    SortedSet<Integer> nums = new TreeSet<>();
    for (int num = 0; num < total; num++) {
      if (!status(num).state().isSuccess()) {
        nums.add(num);
      }
    }
    return nums;
  }

  /** How many of the jobs {@code 0 … total-1} are in each state. */
  public Map<JobState, Integer> counts(int total) {
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    for (int num = 0; num < total; num++) {
      counts.merge(status(num).state(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * True when {@code status} says RUNNING on this machine but its process is gone (or its pid now
   * belongs to a later process): the launcher died without recording the end, and the job should be
   * treated as INTERRUPTED. Jobs on other hosts cannot be checked here.
   */
  public static boolean isAbandoned(JobStatus status) {
    if (status.state() != JobState.RUNNING
        || status.pid() == null
        || !Host.name().equals(status.host())) {
      return false;
    }
    return ProcessHandle.of(status.pid())
        .filter(Liveness::isRunning)
        .map(p -> !startedNear(p, status.start()))
        .orElse(true);
  }

  private static boolean startedNear(ProcessHandle process, Instant recorded) {
    if (recorded == null) {
      return true;
    }
    return process
        .info()
        .startInstant()
        .map(s -> Duration.between(recorded, s).abs().compareTo(Duration.ofSeconds(5)) < 0)
        .orElse(true);
  }
}
