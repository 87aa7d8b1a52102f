package dev.hydra4j.run;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A job's {@code status.json}: the one record of its state, written atomically by whoever runs the
 * job (the local launcher, or the SLURM array script on a compute node).
 *
 * <p>The file is one flat JSON object on one line, so that a bash script can write it with {@code
 * printf} and {@code jq} can read it:
 *
 * <pre>{@code
 * {"num":3,"state":"COMPLETED","attempt":1,"exit_code":0,"start":"2025-01-31T12:00:00.125Z",
 *  "end":"2025-01-31T12:00:04.5Z","duration_s":4.375,"host":"node7","pid":4242,"error":"..."}
 * }</pre>
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><td>{@code num}</td><td>integer</td><td>the job number ({@code hydra.job.num})</td></tr>
 *   <tr><td>{@code state}</td><td>string</td><td>a {@link JobState} name; required</td></tr>
 *   <tr><td>{@code attempt}</td><td>integer</td><td>1 for the first start, +1 for every
 *       retry or resume; 0 or absent if never started</td></tr>
 *   <tr><td>{@code exit_code}</td><td>integer or null</td><td>the process exit code, 128+N
 *       when killed by signal N; null or absent while running or when nothing ran</td></tr>
 *   <tr><td>{@code start}, {@code end}</td><td>string</td><td>UTC instants in ISO-8601
 *       ({@code date -u +%Y-%m-%dT%H:%M:%S.%3NZ}); an offset such as {@code +02:00} or a
 *       number of epoch seconds is also read</td></tr>
 *   <tr><td>{@code duration_s}</td><td>number</td><td>wall-clock seconds of the attempt;
 *       derived from start and end when absent</td></tr>
 *   <tr><td>{@code host}</td><td>string</td><td>the machine that ran the attempt</td></tr>
 *   <tr><td>{@code pid}</td><td>integer</td><td>the process id on that machine</td></tr>
 *   <tr><td>anything else</td><td>string</td><td>kept in {@link JobStatus#extra()}, e.g.
 *       {@code error} (why a job failed without an exit code), {@code slurm_job_id}; numbers
 *       and booleans are kept as their text, nested objects and arrays are ignored</td></tr>
 * </table>
 *
 * <p>A bash writer needs no escaping for these values except in {@code error}:
 *
 * <pre>{@code
 * printf '{"num":%d,"state":"%s","attempt":%d,"exit_code":%d,"start":"%s","end":"%s","host":"%s","pid":%d}\n' \
 *   "$num" COMPLETED 1 "$rc" "$t0" "$t1" "$(hostname)" "$$" > "$dir/.status.json.$$.tmp" \
 *   && mv -f "$dir/.status.json.$$.tmp" "$dir/status.json"
 * }</pre>
 */
public final class StatusFile {

  /** The file name inside a job directory. */
  public static final String NAME = RunLayout.STATUS;

  private StatusFile() {}

  public static Path path(Path jobDir) {
    return jobDir.resolve(NAME);
  }

  /**
   * The status of the job in {@code jobDir}: PENDING when there is no status file yet.
   *
   * @param num the job number, used when the file does not name one
   * @throws ConfigException when the file exists but cannot be read as a status, naming it
   */
  public static JobStatus read(Path jobDir, int num) {
    Path file = path(jobDir);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return JobStatus.pending(num);
    } catch (IOException e) {
      throw unreadable(file, "cannot be read: " + e, e);
    }
    return parse(bytes, num, file);
  }

  /**
   * Parses the content of a status file.
   *
   * @param defaultNum the job number when the content names none, or -1 to require one
   * @param file the file name to report in errors
   */
  public static JobStatus parse(byte[] content, int defaultNum, Path file) {
    try {
      return StatusJson.read(content, defaultNum);
    } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
      throw unreadable(file, "is not a valid status file: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code status} atomically. Terminal states are flushed to disk; PENDING and RUNNING are
   * not, because losing one to a power cut only makes {@code resume} run the job again, and
   * skipping the flush halves the cost of a short job.
   */
  public static void write(Path jobDir, JobStatus status) throws IOException {
    AtomicFiles.write(path(jobDir), toJson(status), status.state().isTerminal());
  }

  /**
   * Writes {@code status} atomically as a copy of a durable record kept elsewhere (a sweep's
   * journal): not flushed, since the record it copies survives a power cut already.
   */
  public static void writeCopy(Path jobDir, JobStatus status) throws IOException {
    AtomicFiles.write(path(jobDir), toJson(status), false);
  }

  /** The file content: one JSON object and a newline. */
  public static byte[] toJson(JobStatus status) {
    return StatusJson.write(status);
  }

  private static ConfigException unreadable(Path file, String why, Throwable cause) {
    return new ConfigException(
        "job status file " + file + " " + why,
        Origin.ofFile(file.toString(), 0, 0),
        "delete it to treat the job as PENDING (resume will run it again), or repair the JSON",
        cause);
  }
}
