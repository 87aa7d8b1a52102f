package dev.hydra4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a sweep directory the way hydra4j lays one out (plan.json, multirun.yaml, run.json, per
 * job .hydra/, status.json, logs, metrics.json), without running anything: tests choose each job's
 * state and outputs.
 */
public final class FabricatedSweep {

  private final Path dir;
  private final List<String> planJobs = new ArrayList<>();
  private String results = "  results:\n    metrics: []\n";

  private FabricatedSweep(Path dir) {
    this.dir = dir;
  }

  /** Starts a sweep in {@code dir} (created). */
  public static FabricatedSweep in(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("multirun.yaml"), "hydra:\n  mode: MULTIRUN\n");
      Files.writeString(
          dir.resolve("run.json"),
          "{\"hydra4j_version\":\"0.1.0\","
              + "\"start\":\"2026-01-31T12:00:00Z\",\"user\":\"ada\",\"host\":\"ws1\","
              + "\"working_dir\":\"/home/ada\",\"argv\":[\"-m\",\"lr=0.1,0.01\"],"
              + "\"git\":{\"commit\":\"3f04aa\",\"branch\":\"main\",\"dirty\":false}}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FabricatedSweep(dir);
  }

  /** The harvest rules every later job gets, as YAML lines under {@code metrics:}. */
  public FabricatedSweep rules(String metricsYaml) {
    results = "  results:\n    metrics:\n" + metricsYaml.indent(4);
    return this;
  }

  /**
   * Adds job {@code num} with these overrides ({@code key=value}) in {@code state} ({@code null}:
   * no status file, PENDING) and, when {@code metricsJson} is not null, that metrics.json.
   */
  public Path job(int num, String state, String metricsJson, String... overrides) {
    Path job = dir.resolve(String.valueOf(num));
    writeJob(job, num, state, metricsJson, overrides);
    StringBuilder json = new StringBuilder();
    for (String o : overrides) {
      json.append(json.length() == 0 ? "" : ",").append('"').append(o).append('"');
    }
    planJobs.add("{\"num\":" + num + ",\"dir\":\"" + num + "\",\"overrides\":[" + json + "]}");
    try {
      writePlan();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return job;
  }

  private void writeJob(Path job, int num, String state, String metricsJson, String... overrides) {
    try {
      Files.createDirectories(job.resolve(".hydra"));
      StringBuilder lines = new StringBuilder();
      for (String o : overrides) {
        lines.append("- ").append(o).append('\n');
      }
      Files.writeString(job.resolve(".hydra/overrides.yaml"), lines.toString());
      Files.writeString(job.resolve(".hydra/config.yaml"), "seed: " + num + "\n");
      Files.writeString(
          job.resolve(".hydra/hydra.yaml"),
          "hydra:\n  job:\n    num: " + num + "\n" + results + "  verbose: false\n");
      if (state != null) {
        status(job, num, state);
      }
      if (metricsJson != null) {
        Files.writeString(job.resolve("metrics.json"), metricsJson);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the status file of job {@code num} in {@code job}. */
  public static void status(Path job, int num, String state) throws IOException {
    Files.writeString(
        job.resolve("status.json"),
        "{\"num\":"
            + num
            + ",\"state\":\""
            + state
            + "\",\"attempt\":1,\"exit_code\":"
            + (state.equals("COMPLETED")
                ? "0"
                : state.equals("RUNNING") || state.equals("PENDING") ? "null" : "1")
            + ",\"start\":\"2026-01-31T12:00:0"
            + (num % 10)
            + "Z\",\"duration_s\":"
            + (num + 1.5)
            + ",\"host\":\"ws1\",\"pid\":"
            + (1000 + num)
            + "}\n");
  }

  /** A single run in {@code dir}: its own job 0, with a run.json started at {@code start}. */
  public static Path singleRun(
      Path dir, String start, String state, String metricsJson, String... overrides) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("run.json"),
          "{\"hydra4j_version\":\"0.1.0\",\"start\":\""
              + start
              + "\",\"user\":\"ada\",\"host\":\"ws1\",\"working_dir\":\"/home/ada\","
              + "\"argv\":[],\"git\":{\"commit\":null,\"branch\":null,\"dirty\":null}}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new FabricatedSweep(dir).writeJob(dir, 0, state, metricsJson, overrides);
    return dir;
  }

  public Path dir() {
    return dir;
  }

  private void writePlan() throws IOException {
    Files.writeString(
        dir.resolve("plan.json"),
        "{\"hydra4j_version\":\"0.1.0\","
            + "\"config_name\":\"config\",\"search_path\":[],\"working_dir\":\"/home/ada\","
            + "\"overrides\":[],\"command\":[\"python3\",\"train.py\"],\"options\":{\"zip\":[]},"
            + "\"now\":\"2026-01-31T12:00:00Z[Etc/UTC]\",\"launcher\":\"local\",\"grid_size\":"
            + planJobs.size()
            + ",\"jobs\":["
            + String.join(",", planJobs)
            + "]}\n");
  }
}
