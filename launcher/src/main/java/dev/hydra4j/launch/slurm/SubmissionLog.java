package dev.hydra4j.launch.slurm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.RunLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SLURM sweep's record of what was submitted, {@code slurm.json} in the sweep directory, replaced
 * atomically after every sbatch. Array task {@code i} of an array runs job {@code jobs[i]}; a job's
 * current submission is the last array that holds it. With {@code jobs_per_task} K (written only
 * when above 1), task {@code i} runs {@code jobs[i*K]} to {@code jobs[i*K+K-1]}. An array SLURM
 * refused is kept with its error and no id, so that {@code status} says so and {@code resume}
 * submits its jobs again.
 *
 * <pre>{@code
 * {"arrays": [
 *   {"name": "array-001", "array_job_id": 123, "submitted": "2026-01-31T12:00:00Z",
 *    "script": "slurm/array-001.sh", "after": null, "jobs": [0, 1, 2]},
 *   {"name": "array-002", "array_job_id": null, "submitted": "…", "script": "slurm/array-002.sh",
 *    "after": null, "jobs": [3], "error": "sbatch: error: invalid partition specified: x"},
 *   {"name": "array-003", "array_job_id": 130, "submitted": "…", "script": "slurm/array-003.sh",
 *    "after": null, "jobs": [4, 5, 6, 7, 8], "jobs_per_task": 2}
 * ]}
 * }</pre>
 */
public final class SubmissionLog {

  public static final String NAME = RunLayout.SLURM_SUBMISSIONS;

  /**
   * One sbatch of an array.
   *
   * @param name the array's name in the sweep ({@code array-001}), or {@code null} when the
   *     submission failed before a script was written (SLURM unreachable)
   * @param arrayJobId SLURM's id, or {@code null} when the submission failed
   * @param script the script, relative to the sweep directory, or {@code null} with no name
   * @param after the array job id this one waited for, or {@code null}
   * @param jobs the job number of each array task, by task index
   * @param error SLURM's message when it refused the array, else {@code null}
   * @param jobsPerTask how many consecutive jobs of {@code jobs} one task runs ({@code
   *     hydra.launcher.jobs_per_task}): task {@code t} runs {@code jobs[t*K .. t*K+K-1]}
   */
  public record Array(
      String name,
      Long arrayJobId,
      Instant submitted,
      String script,
      Long after,
      List<Integer> jobs,
      String error,
      int jobsPerTask) {
    public Array {
      jobs = List.copyOf(jobs);
      if (jobsPerTask < 1) {
        throw new IllegalArgumentException("jobs_per_task " + jobsPerTask);
      }
    }

    /** The number of array tasks. */
    public int tasks() {
      return (jobs.size() + jobsPerTask - 1) / jobsPerTask;
    }

    public boolean submittedOk() {
      return arrayJobId != null;
    }
  }

  /** Where a job currently stands in SLURM: its array and task index (shared when packed). */
  public record Placement(Array array, int task) {}

  private final List<Array> arrays;
  private final Map<Integer, Placement> current;

  private SubmissionLog(List<Array> arrays) {
    this.arrays = Collections.unmodifiableList(new ArrayList<>(arrays));
    Map<Integer, Placement> latest = new HashMap<>();
    for (Array array : this.arrays) {
      for (int i = 0; i < array.jobs().size(); i++) {
        latest.put(array.jobs().get(i), new Placement(array, i / array.jobsPerTask()));
      }
    }
    this.current = latest;
  }

  public static SubmissionLog empty() {
    return new SubmissionLog(List.of());
  }

  public static boolean exists(Path sweepDir) {
    return Files.isRegularFile(sweepDir.resolve(NAME));
  }

  /** Reads {@code slurm.json}; an empty log when the sweep has none. */
  public static SubmissionLog read(Path sweepDir) {
    Path file = sweepDir.resolve(NAME);
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read " + file + ": " + e.getMessage(),
          Origin.ofFile(file.toString(), 0, 0),
          "it records the SLURM job ids of the sweep; squeue -u $USER lists them too");
    }
    List<Array> arrays = new ArrayList<>();
    for (JsonNode a : root.path("arrays")) {
      List<Integer> jobs = new ArrayList<>();
      a.path("jobs").forEach(j -> jobs.add(j.asInt()));
      arrays.add(
          new Array(
              textOrNull(a.path("name")),
              longOrNull(a.path("array_job_id")),
              Instant.parse(a.path("submitted").asText()),
              textOrNull(a.path("script")),
              longOrNull(a.path("after")),
              jobs,
              textOrNull(a.path("error")),
              Math.max(1, a.path("jobs_per_task").asInt(1))));
    }
    return new SubmissionLog(arrays);
  }

  /** This log with one more array, written to {@code sweepDir/slurm.json} atomically. */
  SubmissionLog append(Path sweepDir, Array array) throws IOException {
    List<Array> more = new ArrayList<>(arrays);
    more.add(array);
    SubmissionLog log = new SubmissionLog(more);
    log.write(sweepDir);
    return log;
  }

  private void write(Path sweepDir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 8 * current.size());
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
      // One array per line: the list stays readable, and each array is a root-level value
      // for the generator, so it must not add its own separator between them.
      g.setRootValueSeparator(null);
      g.writeRaw("{\"arrays\": [");
      String separator = "\n  ";
      for (Array a : arrays) {
        g.writeRaw(separator);
        separator = ",\n  ";
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeFieldName("array_job_id");
        writeLong(g, a.arrayJobId());
        g.writeStringField("submitted", a.submitted().toString());
        g.writeStringField("script", a.script());
        g.writeFieldName("after");
        writeLong(g, a.after());
        g.writeArrayFieldStart("jobs");
        for (int num : a.jobs()) {
          g.writeNumber(num);
        }
        g.writeEndArray();
        if (a.jobsPerTask() > 1) {
          g.writeNumberField("jobs_per_task", a.jobsPerTask());
        }
        if (a.error() != null) {
          g.writeStringField("error", a.error());
        }
        g.writeEndObject();
      }
      g.writeRaw("\n]}\n");
    }
    AtomicFiles.write(sweepDir.resolve(NAME), bytes.toByteArray());
  }

  public List<Array> arrays() {
    return arrays;
  }

  /** The job's current submission, or {@code null} when it was never submitted. */
  public Placement placement(int num) {
    return current.get(num);
  }

  /** The ids of every array that reached SLURM, oldest first. */
  public Set<Long> arrayJobIds() {
    Set<Long> ids = new LinkedHashSet<>();
    for (Array a : arrays) {
      if (a.submittedOk()) {
        ids.add(a.arrayJobId());
      }
    }
    return ids;
  }

  private static void writeLong(JsonGenerator g, Long value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static Long longOrNull(JsonNode node) {
    return node.isNumber() ? node.asLong() : null;
  }
}
