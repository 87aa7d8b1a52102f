package dev.hydra4j.execute;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.RunLayout;
import dev.hydra4j.sweep.SweepOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep was made from, saved as {@code plan.json} in its directory so that {@code resume},
 * {@code rerun} and {@code run-job} rebuild exactly the same jobs later, from any shell: the config
 * name and search path, the command-line overrides, the command, hydra4j's sweep options, the
 * instant every {@code ${now:…}} read, and each job's number, directory and overrides.
 */
record SavedPlan(
    String version,
    String configName,
    List<String> searchPath,
    String workingDir,
    List<String> overrides,
    List<String> command,
    SweepOptions options,
    ZonedDateTime now,
    String launcher,
    long gridSize,
    List<Job> jobs) {

  static final String NAME = RunLayout.PLAN;

  /** One job of the plan; {@code dir} is relative to the sweep directory. */
  record Job(int num, String dir, List<String> overrides) {}

  void write(Path sweepDir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("hydra4j_version", version);
      g.writeStringField("config_name", configName);
      strings(g, "search_path", searchPath);
      g.writeStringField("working_dir", workingDir);
      strings(g, "overrides", overrides);
      strings(g, "command", command);
      g.writeObjectFieldStart("options");
      g.writeArrayFieldStart("zip");
      for (List<String> group : options.zip()) {
        g.writeStartArray();
        for (String key : group) {
          g.writeString(key);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeStringField("filter", options.filter());
      g.writeNumberField("sample", options.sample());
      g.writeNumberField("seed", options.seed());
      g.writeStringField("jobs", options.jobs());
      g.writeEndObject();
      g.writeStringField("now", now.toString());
      g.writeStringField("launcher", launcher);
      g.writeNumberField("grid_size", gridSize);
      g.writeArrayFieldStart("jobs");
      for (Job job : jobs) {
        g.writeStartObject();
        g.writeNumberField("num", job.num());
        g.writeStringField("dir", job.dir());
        strings(g, "overrides", job.overrides());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    bytes.write('\n');
    AtomicFiles.write(sweepDir.resolve(NAME), bytes.toByteArray());
  }

  static SavedPlan read(Path sweepDir) {
    Path file = sweepDir.resolve(NAME);
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      if (Files.exists(sweepDir.resolve(SweepLock.NAME))) {
        throw interruptedStartUp(sweepDir);
      }
      throw new ConfigException(
          "'" + sweepDir + "' is not a hydra4j sweep (it has no " + NAME + ")",
          Origin.of(sweepDir.toString()),
          "give the directory printed when the sweep started, e.g. multirun/2026-01-31/12-00-00;"
              + " 'hydra4j runs' lists them");
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read " + file + ": " + e.getMessage(),
          Origin.of(file.toString()),
          "the file is damaged; the job directories still hold" + " every job's config and status");
    }
    try {
      return fromJson(root);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Cannot read " + file + ": " + e.getMessage(),
          Origin.of(file.toString()),
          "the file is damaged; the job directories still hold" + " every job's config and status");
    }
  }

  /**
   * A sweep directory is claimed (and locked) before its files are written, and no job starts
   * before {@code plan.json} is there: without it, the sweep was stopped while it was being
   * created, or is being created right now.
   */
  private static ConfigException interruptedStartUp(Path sweepDir) {
    if (dev.hydra4j.run.LauncherLock.isHeld(sweepDir)) {
      return new ConfigException(
          "The sweep in '"
              + sweepDir
              + "' is being created right now"
              + " (it has no "
              + NAME
              + " yet)",
          Origin.of(sweepDir.toString()),
          "wait a moment and run this again");
    }
    return new ConfigException(
        "The sweep in '"
            + sweepDir
            + "' was stopped while it was being"
            + " created, before any job started: it has no "
            + NAME
            + ", and nothing ran",
        Origin.of(sweepDir.toString()),
        "start the sweep again with the same command; this directory can be deleted"
            + " (rm -r "
            + sweepDir
            + ")");
  }

  private static SavedPlan fromJson(JsonNode root) {
    if (!root.path("now").isTextual()
        || !root.path("jobs").isArray()
        || root.path("jobs").isEmpty()) {
      throw new IllegalArgumentException("it lacks the sweep's start time or its jobs");
    }
    JsonNode opts = root.path("options");
    List<List<String>> zip = new ArrayList<>();
    opts.path("zip").forEach(group -> zip.add(strings(group)));
    SweepOptions options =
        new SweepOptions(
            zip,
            text(opts.path("filter")),
            opts.path("sample").asInt(0),
            opts.path("seed").asLong(0),
            text(opts.path("jobs")));
    List<Job> jobs = new ArrayList<>();
    root.path("jobs")
        .forEach(
            j ->
                jobs.add(
                    new Job(
                        j.path("num").asInt(),
                        j.path("dir").asText(),
                        strings(j.path("overrides")))));
    return new SavedPlan(
        root.path("hydra4j_version").asText(),
        root.path("config_name").asText("config"),
        strings(root.path("search_path")),
        root.path("working_dir").asText(),
        strings(root.path("overrides")),
        strings(root.path("command")),
        options,
        ZonedDateTime.parse(root.path("now").asText()),
        root.path("launcher").asText("local"),
        root.path("grid_size").asLong(),
        jobs);
  }

  /** This plan with job {@code num}'s overrides replaced (a study's trial, once suggested). */
  SavedPlan withOverrides(int num, List<String> jobOverrides) {
    List<Job> changed = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      changed.add(job.num() == num ? new Job(num, job.dir(), jobOverrides) : job);
    }
    return new SavedPlan(
        version,
        configName,
        searchPath,
        workingDir,
        overrides,
        command,
        options,
        now,
        launcher,
        gridSize,
        changed);
  }

  Job job(int num) {
    for (Job job : jobs) {
      if (job.num() == num) {
        return job;
      }
    }
    return null;
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
