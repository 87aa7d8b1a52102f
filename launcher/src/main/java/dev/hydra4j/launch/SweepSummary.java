package dev.hydra4j.launch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The sweep's {@code summary.json}, written atomically when a launch ends (also after a
 * failure-policy stop or an interrupt):
 *
 * <pre>{@code
 * {
 *   "exit_code": 1,
 *   "interrupted": false,
 *   "start": "2025-01-31T12:00:00Z", "end": "2025-01-31T12:03:10Z",
 *   "total": 3,
 *   "counts": {"COMPLETED": 2, "FAILED": 1},
 *   "jobs": [
 *     {"num":0,"state":"COMPLETED","exit_code":0,"duration_s":1.2,"attempt":1},
 *     ...
 *   ],
 *   "failures": [
 *     {"num":2,"state":"FAILED","exit_code":1,"job_dir":"/…/2","stderr_tail":["…"]}
 *   ],
 *   "failures_omitted": 0
 * }
 * }</pre>
 *
 * {@code jobs} lists every job of the sweep, PENDING ones (never started) included. {@code
 * failures} details the first 100 jobs that ended other than COMPLETED (PENDING ones are not
 * failures), each with the last 20 lines of its {@code stderr.log} and its {@code error} when it
 * has one; {@code failures_omitted} counts the rest.
 */
public final class SweepSummary {

  public static final String NAME = RunLayout.SUMMARY;
  static final int TAIL_LINES = 20;
  static final int MAX_FAILURES = 100;

  private static final JsonFactory JSON = new JsonFactory();

  private SweepSummary() {}

  /**
   * Writes {@code sweepDir/summary.json} for {@code result}.
   *
   * @param jobDir the directory of a job by number, or {@code null} when unknown
   */
  public static void write(
      Path sweepDir, SweepResult result, Instant start, Instant end, IntFunction<Path> jobDir)
      throws IOException {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"exit_code\": ").append(result.exitCode()).append(",\n");
    out.append("  \"interrupted\": ").append(result.interrupted()).append(",\n");
    out.append("  \"start\": \"").append(start).append("\",\n");
    out.append("  \"end\": \"").append(end).append("\",\n");
    out.append("  \"total\": ").append(result.counts().total()).append(",\n");
    out.append("  \"counts\": ")
        .append(
            json(
                g -> {
                  g.writeStartObject();
                  for (Map.Entry<JobState, Integer> e : result.counts().byState().entrySet()) {
                    g.writeNumberField(e.getKey().name(), e.getValue());
                  }
                  g.writeEndObject();
                }))
        .append(",\n");
    out.append("  \"jobs\": [");
    String separator = "\n    ";
    for (JobStatus job : result.jobs()) {
      out.append(separator).append(json(g -> job(g, job)));
      separator = ",\n    ";
    }
    out.append(result.jobs().isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"failures\": [");
    separator = "\n    ";
    int failures = 0;
    for (JobStatus job : result.jobs()) {
      if (!job.state().isTerminal() || job.state().isSuccess()) {
        continue;
      }
      if (++failures > MAX_FAILURES) {
        continue;
      }
      Path dir = jobDir.apply(job.num());
      out.append(separator).append(json(g -> failure(g, job, dir)));
      separator = ",\n    ";
    }
    out.append(failures == 0 ? "],\n" : "\n  ],\n");
    out.append("  \"failures_omitted\": ").append(Math.max(0, failures - MAX_FAILURES));
    out.append("\n}\n");
    AtomicFiles.write(sweepDir.resolve(NAME), out.toString());
  }

  private static void job(JsonGenerator g, JobStatus job) throws IOException {
    g.writeStartObject();
    g.writeNumberField("num", job.num());
    g.writeStringField("state", job.state().name());
    if (job.exitCode() != null) {
      g.writeNumberField("exit_code", job.exitCode());
    } else {
      g.writeNullField("exit_code");
    }
    if (job.duration() != null) {
      g.writeFieldName("duration_s");
      g.writeNumber(
          BigDecimal.valueOf(job.duration().toMillis(), 3).stripTrailingZeros().toPlainString());
    }
    g.writeNumberField("attempt", job.attempt());
    g.writeEndObject();
  }

  private static void failure(JsonGenerator g, JobStatus job, Path dir) throws IOException {
    g.writeStartObject();
    g.writeNumberField("num", job.num());
    g.writeStringField("state", job.state().name());
    if (job.exitCode() != null) {
      g.writeNumberField("exit_code", job.exitCode());
    } else {
      g.writeNullField("exit_code");
    }
    if (job.error() != null) {
      g.writeStringField("error", job.error());
    }
    if (dir != null) {
      g.writeStringField("job_dir", dir.toString());
      List<String> tail = LogTail.lastLines(dir.resolve(RunLayout.STDERR), TAIL_LINES);
      g.writeArrayFieldStart("stderr_tail");
      for (String line : tail) {
        g.writeString(line);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private interface JsonWriting {
    void writeTo(JsonGenerator g) throws IOException;
  }

  private static String json(JsonWriting writing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      writing.writeTo(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
