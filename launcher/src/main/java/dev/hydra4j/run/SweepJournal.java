package dev.hydra4j.run;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only record of a local sweep's job transitions, {@code jobs.journal} in the sweep
 * directory: the truth about its jobs, of which each {@code status.json} is a copy written later.
 * One line per transition:
 *
 * <pre>{@code
 * 1a2b3c4d {"num":3,"state":"COMPLETED","attempt":1,"exit_code":0,…,"job_dir":"3"}
 * }</pre>
 *
 * <p>The first word is the CRC-32C of the rest of the line (eight hex digits), so a record torn by
 * a crash is recognised and ignored; the JSON is a {@link StatusFile} object plus {@code job_dir},
 * the job directory relative to the sweep directory. The last record of a job is its state.
 *
 * <p>{@link #append} writes a record with one {@code write} call: once it returns, the record
 * survives the launcher being killed (SIGKILL included). {@link #appendDurably} also waits until
 * the record is flushed to disk, surviving a power cut; records appended by several threads
 * meanwhile share one flush (group commit), so a flush costs a fraction of a millisecond per job
 * instead of one create-flush-rename-flush per status file.
 */
public final class SweepJournal implements Closeable {

  /** The file name in the sweep directory. */
  public static final String NAME = RunLayout.JOURNAL;

  /** The JSON key naming the job directory, relative to the sweep directory. */
  static final String JOB_DIR = "job_dir";

  private final Path sweepDir;
  private final FileOutputStream out;
  private final Object syncLock = new Object();
  private long written;
  private long synced;
  private boolean syncing;

  private SweepJournal(Path sweepDir, FileOutputStream out) {
    this.sweepDir = sweepDir;
    this.out = out;
  }

  public static Path path(Path sweepDir) {
    return sweepDir.resolve(NAME);
  }

  /**
   * Opens the journal of {@code sweepDir} for appending, creating it if needed. A torn last record
   * (the writer was killed halfway) is cut off first, so that the next record starts on a line of
   * its own.
   */
  public static SweepJournal open(Path sweepDir) throws IOException {
    Path dir = sweepDir.toAbsolutePath().normalize();
    Path file = path(dir);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long length = raf.length();
      if (length > 0) {
        byte[] bytes = new byte[(int) length];
        raf.readFully(bytes);
        long valid = JournalRecords.validLength(bytes);
        if (valid < length) {
          raf.setLength(valid);
        }
      }
    }
    return new SweepJournal(dir, new FileOutputStream(file.toFile(), true));
  }

  /** Appends {@code status} of the job in {@code jobDir}; it survives a killed launcher. */
  public void append(JobStatus status, Path jobDir) throws IOException {
    byte[] line = JournalRecords.line(status, relative(jobDir));
    synchronized (this) {
      // A stream rather than a FileChannel: a channel is closed by Thread.interrupt().
      out.write(line);
      written++;
    }
  }

  /**
   * Appends {@code status} and returns once it is flushed to disk, together with every record
   * appended before it.
   */
  public void appendDurably(JobStatus status, Path jobDir) throws IOException {
    long mine;
    byte[] line = JournalRecords.line(status, relative(jobDir));
    synchronized (this) {
      out.write(line);
      mine = ++written;
    }
    awaitFlushed(mine);
  }

  /** Flushes every record appended so far. */
  public void flush() throws IOException {
    long all;
    synchronized (this) {
      all = written;
    }
    awaitFlushed(all);
  }

  /**
   * Group commit: the first thread that needs a flush does it for every record appended so far,
   * outside any lock, so that threads appending meanwhile queue behind it; when it is done, one of
   * them flushes the next group.
   */
  private void awaitFlushed(long record) throws IOException {
    synchronized (syncLock) {
      while (synced < record && syncing) {
        try {
          syncLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while flushing the sweep journal");
        }
      }
      if (synced >= record) {
        return;
      }
      syncing = true;
    }
    long target;
    synchronized (this) {
      target = written;
    }
    IOException failure = null;
    try {
      out.getFD().sync();
    } catch (IOException e) {
      failure = e;
    }
    synchronized (syncLock) {
      syncing = false;
      if (failure == null) {
        synced = Math.max(synced, target);
      }
      syncLock.notifyAll();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * What a journal holds.
   *
   * @param statuses each job's last record, by number
   * @param jobDirs each job's directory, by number
   * @param damaged records whose checksum or content is wrong (skipped)
   * @param tornTail whether the last record was cut off by a crash (skipped)
   */
  public record Contents(
      Map<Integer, JobStatus> statuses, Map<Integer, Path> jobDirs, int damaged, boolean tornTail) {

    public Contents {
      statuses = Collections.unmodifiableMap(statuses);
      jobDirs = Collections.unmodifiableMap(jobDirs);
    }

    /** No journal. */
    public static Contents none() {
      return new Contents(new TreeMap<>(), new TreeMap<>(), 0, false);
    }
  }

  /** Whether {@code sweepDir} has a journal. */
  public static boolean exists(Path sweepDir) {
    return Files.isRegularFile(path(sweepDir));
  }

  /** Reads the journal of {@code sweepDir}; {@link Contents#none()} when it has none. */
  public static Contents read(Path sweepDir) throws IOException {
    Path dir = sweepDir.toAbsolutePath().normalize();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path(dir));
    } catch (NoSuchFileException e) {
      return Contents.none();
    }
    return JournalRecords.parse(bytes, dir);
  }

  private String relative(Path jobDir) {
    Path abs = jobDir.toAbsolutePath().normalize();
    return abs.startsWith(sweepDir) ? sweepDir.relativize(abs).toString() : abs.toString();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
