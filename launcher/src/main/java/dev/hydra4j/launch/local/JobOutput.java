package dev.hydra4j.launch.local;

import dev.hydra4j.run.JobLogs;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a job's stdout and stderr into its logs as they arrive: each stream byte for byte into its
 * own file, and both line by line, timestamped and tagged, into {@code combined.log}. Every chunk
 * read from the pipe is written out at once, without buffering in between, so {@code tail -f} shows
 * a line as soon as the task flushes it.
 *
 * <p>The copying threads create the files themselves, so that a slow file system delays the logs
 * (the task's output waits in the pipe meanwhile) but not the start of the next job.
 */
final class JobOutput {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  /** A line longer than this (a progress bar redrawn with \r) is cut into pieces. */
  private static final int MAX_LINE = 64 * 1024;

  private final Path jobDir;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicInteger open = new AtomicInteger(2);
  private OutputStream combined;
  private volatile String writeError;

  JobOutput(Path jobDir) {
    this.jobDir = jobDir;
  }

  /** Records why the task could not start, in stderr.log and combined.log, synchronously. */
  void failedToStart(String message) throws IOException {
    byte[] line = (message + "\n").getBytes(StandardCharsets.UTF_8);
    new FileOutputStream(file(JobLogs.STDOUT)).close(); // created empty, like every job's
    try (OutputStream err = new FileOutputStream(file(JobLogs.STDERR))) {
      err.write(line);
    }
    try (OutputStream all = new FileOutputStream(file(JobLogs.COMBINED))) {
      all.write(tag(line, 0, line.length, "[hydra4j] "));
    }
  }

  /** Starts copying the process's streams on {@code pool}. */
  void pump(Process process, Executor pool) {
    pool.execute(() -> copy(process.getInputStream(), JobLogs.STDOUT, "[out] "));
    pool.execute(() -> copy(process.getErrorStream(), JobLogs.STDERR, "[err] "));
  }

  /**
   * Completes when both streams have ended and the logs are closed. A stream may stay open after
   * the task exited when it left a background process holding it.
   */
  CompletableFuture<Void> closed() {
    return closed;
  }

  /** Why some output could not be written (disk full, …), or {@code null}. */
  String writeError() {
    return writeError;
  }

  private java.io.File file(String name) {
    return jobDir.resolve(name).toFile();
  }

  private void copy(InputStream in, String name, String prefix) {
    byte[] buffer = new byte[8192];
    byte[] partial = new byte[0];
    OutputStream own = OutputStream.nullOutputStream();
    try (in) {
      own = open(name);
      int n;
      while ((n = in.read(buffer)) > 0) {
        write(own, buffer, n);
        partial = writeLines(partial, buffer, n, prefix);
      }
    } catch (IOException e) {
      // The pipe broke or was closed: the stream has ended either way.
    } finally {
      if (partial.length > 0) {
        byte[] tagged = tag(partial, 0, partial.length, prefix);
        writeCombined(tagged);
      }
      close(own);
      if (open.decrementAndGet() == 0) {
        synchronized (this) {
          if (combined == null) {
            combined = open(JobLogs.COMBINED);
          }
          close(combined);
        }
        closed.complete(null);
      }
    }
  }

  /** Writes the complete lines of {@code partial + chunk} to combined.log, returns the rest. */
  private byte[] writeLines(byte[] partial, byte[] chunk, int n, String prefix) {
    byte[] data = new byte[partial.length + n];
    System.arraycopy(partial, 0, data, 0, partial.length);
    System.arraycopy(chunk, 0, data, partial.length, n);
    int end = lastNewline(data) + 1;
    if (end == 0 && data.length > MAX_LINE) {
      end = data.length;
    }
    if (end > 0) {
      writeCombined(tag(data, 0, end, prefix));
    }
    byte[] rest = new byte[data.length - end];
    System.arraycopy(data, end, rest, 0, rest.length);
    return rest;
  }

  private synchronized void writeCombined(byte[] tagged) {
    if (combined == null) {
      combined = open(JobLogs.COMBINED);
    }
    write(combined, tagged, tagged.length);
  }

  /** Each line of {@code data[from, to)} prefixed with the time and {@code prefix}. */
  private static byte[] tag(byte[] data, int from, int to, String prefix) {
    byte[] head =
        (LocalDateTime.now(ZoneId.systemDefault()).format(TIME) + " " + prefix)
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from + 64);
    int start = from;
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') {
        out.write(head, 0, head.length);
        out.write(data, start, i + 1 - start);
        start = i + 1;
      }
    }
    if (start < to) {
      out.write(head, 0, head.length);
      out.write(data, start, to - start);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static int lastNewline(byte[] data) {
    for (int i = data.length - 1; i >= 0; i--) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private OutputStream open(String name) {
    try {
      return new FileOutputStream(file(name));
    } catch (IOException e) {
      failed(e);
      return OutputStream.nullOutputStream();
    }
  }

  private void write(OutputStream out, byte[] bytes, int n) {
    try {
      out.write(bytes, 0, n);
    } catch (IOException e) {
      // Keep draining the pipe regardless: a task blocked on a full pipe would hang.
      failed(e);
    }
  }

  private void close(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      failed(e);
    }
  }

  private void failed(IOException e) {
    if (writeError == null) {
      writeError = "output could not be fully written to the logs: " + e;
    }
  }
}
