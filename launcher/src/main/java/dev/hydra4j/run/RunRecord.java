package dev.hydra4j.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What started a run or a sweep, written once as {@code run.json} in its directory so that anyone
 * can tell later which command, code and machine produced it.
 *
 * <pre>{@code
 * {"hydra4j_version":"0.1.0","start":"2025-01-31T12:00:00.125Z","user":"ada","host":"ws1",
 *  "working_dir":"/home/ada/proj","argv":["--multirun","lr=0.1,0.2"],
 *  "git":{"commit":"3f04…","branch":"main","dirty":false}}
 * }</pre>
 *
 * @param version the hydra4j version
 * @param start when the run started
 * @param user the operating-system user
 * @param host the machine
 * @param workingDir the directory the command was started in
 * @param argv the command-line arguments, exactly as received (without the program name)
 * @param git the state of the code; fields are JSON {@code null} when unknown
 */
public record RunRecord(
    String version,
    Instant start,
    String user,
    String host,
    Path workingDir,
    List<String> argv,
    GitInfo git) {

  /** The file name inside the run or sweep directory. */
  public static final String NAME = RunLayout.RUN_RECORD;

  /**
   * Made on the first read: a run writes {@code run.json} with the streaming generator, and
   * initialising Jackson's databind (~550 classes, ~45 ms) was the largest step of a single run.
   */
  private static final class Reader {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  public RunRecord {
    argv = List.copyOf(argv);
    git = git == null ? GitInfo.NONE : git;
  }

  /** A record of this process, started now, in the current directory. */
  public static RunRecord capture(String version, List<String> argv) {
    return capture(version, argv, GitInfo.read(Path.of("").toAbsolutePath()));
  }

  /**
   * A record of this process, started now, in the current directory, whose code was {@code git}.
   */
  public static RunRecord capture(String version, List<String> argv, GitInfo git) {
    return new RunRecord(
        version,
        Instant.now(),
        System.getProperty("user.name"),
        Host.name(),
        Path.of("").toAbsolutePath(),
        argv,
        git);
  }

  /** Writes {@code dir/run.json} atomically. */
  public void write(Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = StatusJson.FACTORY.createGenerator(bytes)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("hydra4j_version", version);
      g.writeStringField("start", start.toString());
      g.writeStringField("user", user);
      g.writeStringField("host", host);
      g.writeStringField("working_dir", workingDir.toString());
      g.writeArrayFieldStart("argv");
      for (String arg : argv) {
        g.writeString(arg);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("git");
      g.writeStringField("commit", git.commit());
      g.writeStringField("branch", git.branch());
      g.writeFieldName("dirty");
      if (git.dirty() == null) {
        g.writeNull();
      } else {
        g.writeBoolean(git.dirty());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    bytes.write('\n');
    AtomicFiles.write(dir.resolve(NAME), bytes.toByteArray());
    if (Boolean.TRUE.equals(git.dirty())) {
      GitInfo.writeDiff(workingDir, dir.resolve(GitInfo.DIFF_FILE));
    }
  }

  /** Reads {@code dir/run.json}. */
  public static RunRecord read(Path dir) throws IOException {
    Path file = dir.resolve(NAME);
    try {
      JsonNode root = Reader.MAPPER.readTree(Files.readAllBytes(file));
      List<String> argv = new ArrayList<>();
      root.path("argv").forEach(a -> argv.add(a.asText()));
      JsonNode git = root.path("git");
      return new RunRecord(
          text(root, "hydra4j_version"),
          Instant.parse(root.path("start").asText()),
          text(root, "user"),
          text(root, "host"),
          Path.of(root.path("working_dir").asText()),
          argv,
          new GitInfo(
              text(git, "commit"),
              text(git, "branch"),
              git.path("dirty").isBoolean() ? git.path("dirty").asBoolean() : null));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | java.time.DateTimeException e) {
      throw new ConfigException(
          "run record " + file + " is not valid: " + e.getMessage(),
          Origin.ofFile(file.toString(), 0, 0),
          "repair or delete it; it is only a record and nothing depends on it",
          e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
