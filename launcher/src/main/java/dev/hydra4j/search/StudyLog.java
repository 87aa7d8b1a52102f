package dev.hydra4j.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A study on disk: {@code study.jsonl} in the sweep directory, one JSON event per line followed by
 * a tab and the line's CRC-32, each line flushed to disk before the step it records goes on. A
 * trial's parameters are logged before its job is written, its end after the job ended; so after a
 * crash every trial that ran has its parameters on disk, and a trial without an end is one to run
 * again. A torn last line (the crash came mid-write) is dropped; a damaged line elsewhere is an
 * error, never silently skipped.
 */
final class StudyLog implements AutoCloseable {

  static final String NAME = RunLayout.STUDY;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the study's first line records. */
  record Header(
      String name,
      List<String> objectives,
      List<Boolean> maximize,
      long seed,
      int nTrials,
      String sampler) {}

  /** Everything a study file holds. */
  record Contents(Header header, Map<Integer, Trial> trials) {}

  private final FileChannel channel;

  private StudyLog(FileChannel channel) {
    this.channel = channel;
  }

  static boolean exists(Path sweepDir) {
    return Files.exists(sweepDir.resolve(NAME));
  }

  /** Starts a new study file with its header. */
  static StudyLog create(Path sweepDir, Header header) throws IOException {
    StudyLog log =
        new StudyLog(
            FileChannel.open(
                sweepDir.resolve(NAME),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    ObjectNode line =
        JSON.createObjectNode()
            .put("event", "study")
            .put("name", header.name())
            .put("seed", header.seed())
            .put("n_trials", header.nTrials())
            .put("sampler", header.sampler());
    header.objectives().forEach(line.putArray("objectives")::add);
    header.maximize().forEach(m -> line.withArray("directions").add(m ? "maximize" : "minimize"));
    log.append(line);
    return log;
  }

  /** Opens an existing study file to append to, cutting off a torn last line first. */
  static StudyLog append(Path sweepDir) throws IOException {
    Path file = sweepDir.resolve(NAME);
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    channel.truncate(end);
    channel.position(end);
    return new StudyLog(channel);
  }

  synchronized void trialStarted(int number, Map<String, Object> params) throws IOException {
    ObjectNode line = JSON.createObjectNode().put("event", "trial").put("number", number);
    line.set("params", JSON.valueToTree(params));
    append(line);
  }

  synchronized void trialEnded(Trial trial) throws IOException {
    ObjectNode line =
        JSON.createObjectNode()
            .put("event", "end")
            .put("number", trial.number())
            .put("state", trial.state().name());
    trial.values().forEach(line.putArray("values")::add);
    ObjectNode curve = line.putObject("intermediate");
    trial.intermediate().forEach((step, v) -> curve.put(String.valueOf(step), v));
    append(line);
  }

  private void append(ObjectNode line) throws IOException {
    String json = JSON.writeValueAsString(line);
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    String text = json + "\t" + String.format("%08x", crc.getValue()) + "\n";
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Reads a study file: its header and the last known state of every trial. */
  static Contents read(Path sweepDir) {
    Path file = sweepDir.resolve(NAME);
    List<String> lines;
    try {
      String text = Files.readString(file);
      lines = new ArrayList<>(List.of(text.split("\n", -1)));
      // The part after the last newline is a torn write (or empty): never a whole event.
      lines.remove(lines.size() - 1);
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read the study " + file + ": " + e.getMessage(),
          Origin.of(file.toString()),
          "check the sweep directory");
    }
    Header header = null;
    Map<Integer, Trial> trials = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode event = checked(lines.get(i), file, i + 1);
      switch (event.path("event").asText()) {
        case "study" -> header = header(event);
        case "trial" -> {
          int n = event.get("number").asInt();
          trials.put(n, Trial.running(n, paramsOf(event.get("params"))));
        }
        case "end" -> {
          int n = event.get("number").asInt();
          Trial t = trials.get(n);
          if (t == null) {
            throw damaged(file, i + 1, "the end of trial " + n + " before its start");
          }
          List<Double> values = new ArrayList<>();
          event.path("values").forEach(v -> values.add(v.asDouble()));
          SortedMap<Long, Double> curve = new TreeMap<>();
          event
              .path("intermediate")
              .fields()
              .forEachRemaining(
                  e -> curve.put(Long.parseLong(e.getKey()), e.getValue().asDouble()));
          trials.put(
              n,
              t.ended(TrialState.valueOf(event.get("state").asText()), values)
                  .withIntermediate(curve));
        }
        default -> throw damaged(file, i + 1, "an unknown event");
      }
    }
    if (header == null) {
      throw damaged(file, 1, "no study header");
    }
    return new Contents(header, trials);
  }

  private static Header header(JsonNode e) {
    List<String> objectives = new ArrayList<>();
    e.path("objectives").forEach(o -> objectives.add(o.asText()));
    List<Boolean> maximize = new ArrayList<>();
    e.path("directions").forEach(d -> maximize.add(d.asText().equals("maximize")));
    return new Header(
        e.path("name").asText(),
        objectives,
        maximize,
        e.path("seed").asLong(),
        e.path("n_trials").asInt(),
        e.path("sampler").asText());
  }

  private static JsonNode checked(String line, Path file, int lineNo) {
    int tab = line.lastIndexOf('\t');
    if (tab < 0) {
      throw damaged(file, lineNo, "a line without its checksum");
    }
    String json = line.substring(0, tab);
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    if (!String.format("%08x", crc.getValue()).equals(line.substring(tab + 1))) {
      throw damaged(file, lineNo, "a line whose checksum does not match");
    }
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw damaged(file, lineNo, "a line that is not JSON");
    }
  }

  private static ConfigException damaged(Path file, int line, String what) {
    return new ConfigException(
        "The study file is damaged: " + what,
        Origin.ofFile(file.toString(), line, 0),
        "restore it from a backup, or start a new sweep; the job directories keep every result");
  }

  /** A plain map of a trial's parameters for JSON (Double, Long, String, Boolean, null). */
  private static Map<String, Object> paramsOf(JsonNode node) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      out.put(
          e.getKey(),
          v.isNull()
              ? null
              : v.isIntegralNumber()
                  ? (Object) v.asLong()
                  : v.isNumber()
                      ? (Object) v.asDouble()
                      : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
    }
    return out;
  }
}
