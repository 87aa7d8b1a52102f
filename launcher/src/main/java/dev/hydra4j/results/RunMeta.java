package dev.hydra4j.results;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a person says about a run or a sweep: a name, a description, tags and dated notes, kept as
 * {@code meta.json} in its directory beside {@code run.json}.
 *
 * <pre>{@code
 * {"name":"baseline","description":"","tags":["paper","v2"],
 *  "notes":[{"time":"2026-01-31T12:00:00Z","text":"lr too high"}]}
 * }</pre>
 *
 * <p>Given at launch with {@code --name}, {@code --tag} (repeatable) and {@code --note}; edited
 * later with {@code hydra4j tag DIR +t -t} and {@code hydra4j note DIR "text"}. A run without
 * {@code meta.json} still shows what its command line said: {@link #read} falls back to those
 * options in {@code run.json}'s {@code argv}.
 *
 * @param name a short name, or {@code null}
 * @param description a longer text, or {@code null}
 * @param tags distinct tags in the order given
 * @param notes notes, oldest first
 */
public record RunMeta(String name, String description, List<String> tags, List<Note> notes) {

  /** The file name inside the run or sweep directory. */
  public static final String NAME = RunLayout.META;

  /** Nothing said. */
  public static final RunMeta NONE = new RunMeta(null, null, List.of(), List.of());

  /** Made on the first read: a run that starts only writes, and databind takes ~45 ms to load. */
  private static final class Reader {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** One note and when it was written. */
  public record Note(Instant time, String text) {
    public Note {
      Objects.requireNonNull(text, "text");
    }
  }

  public RunMeta {
    tags = List.copyOf(new LinkedHashSet<>(tags));
    notes = List.copyOf(notes);
  }

  /**
   * Writes {@code dir/meta.json} for a run or sweep that is starting; called by the launch code
   * with the root command's {@code --name}, {@code --tag} and {@code --note} options. Writes
   * nothing when all are empty.
   *
   * @param notes note texts, each dated now
   */
  public static void write(Path dir, String name, List<String> tags, List<String> notes)
      throws IOException {
    if (name == null && tags.isEmpty() && notes.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    List<Note> dated = new ArrayList<>();
    for (String text : notes) {
      dated.add(new Note(now, text));
    }
    new RunMeta(name, null, tags, dated).write(dir);
  }

  /** Writes this as {@code dir/meta.json}, atomically. */
  public void write(Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeStringField("description", description);
      g.writeArrayFieldStart("tags");
      for (String tag : tags) {
        g.writeString(tag);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (Note note : notes) {
        g.writeStartObject();
        g.writeStringField("time", note.time() == null ? null : note.time().toString());
        g.writeStringField("text", note.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    bytes.write('\n');
    AtomicFiles.write(dir.resolve(NAME), bytes.toByteArray());
  }

  /**
   * The meta of the run or sweep in {@code dir}: {@code meta.json}, or else the options of the
   * command line recorded in {@code run.json}, or else {@link #NONE}.
   *
   * @throws ConfigException when {@code meta.json} exists but is not valid
   */
  public static RunMeta read(Path dir) {
    Path file = dir.resolve(NAME);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return fromArgv(RunFiles.argv(dir));
    } catch (IOException e) {
      throw invalid(file, e);
    }
    try {
      JsonNode root = Reader.MAPPER.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new IOException("expected a JSON object");
      }
      List<String> tags = new ArrayList<>();
      root.path("tags").forEach(t -> tags.add(t.asText()));
      List<Note> notes = new ArrayList<>();
      for (JsonNode n : root.path("notes")) {
        if (n.isTextual()) {
          notes.add(new Note(null, n.asText()));
        } else {
          String time = text(n, "time");
          notes.add(new Note(time == null ? null : Instant.parse(time), n.path("text").asText()));
        }
      }
      return new RunMeta(text(root, "name"), text(root, "description"), tags, notes);
    } catch (IOException | java.time.DateTimeException e) {
      throw invalid(file, e);
    }
  }

  /**
   * {@link #read}, but a damaged {@code meta.json} reads as a single note saying so: for the
   * commands that show a run, which must not fail because of a label.
   */
  static RunMeta readLeniently(Path dir) {
    try {
      return read(dir);
    } catch (ConfigException e) {
      return new RunMeta(null, null, List.of(), List.of(new Note(null, e.getMessage())));
    }
  }

  /** The options {@code --name}, {@code --tag}, {@code --note} among command-line words. */
  static RunMeta fromArgv(List<String> argv) {
    String name = null;
    List<String> tags = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      String word = argv.get(i);
      if (word.equals("--")) {
        break; // the task's own arguments
      }
      int eq = word.indexOf('=');
      String option = eq > 0 && word.startsWith("--") ? word.substring(0, eq) : word;
      String value;
      if (eq > 0 && word.startsWith("--")) {
        value = word.substring(eq + 1);
      } else if (i + 1 < argv.size()) {
        value = argv.get(i + 1);
      } else {
        continue;
      }
      switch (option) {
        case "--name" -> name = value;
        case "--tag" -> tags.add(value);
        case "--note" -> notes.add(new Note(null, value));
        default -> {
          continue;
        }
      }
      if (eq < 0) {
        i++;
      }
    }
    return new RunMeta(name, null, tags, notes);
  }

  /** This meta with tags added ({@code +t} or {@code t}) and removed ({@code -t}). */
  public RunMeta editTags(List<String> edits) {
    LinkedHashSet<String> result = new LinkedHashSet<>(tags);
    for (String edit : edits) {
      if (edit.startsWith("-")) {
        result.remove(edit.substring(1));
      } else {
        String tag = edit.startsWith("+") ? edit.substring(1) : edit;
        if (!tag.isBlank()) {
          result.add(tag);
        }
      }
    }
    return new RunMeta(name, description, List.copyOf(result), notes);
  }

  /** This meta with one more note, dated {@code time}. */
  public RunMeta withNote(Instant time, String text) {
    List<Note> more = new ArrayList<>(notes);
    more.add(new Note(time, text));
    return new RunMeta(name, description, tags, more);
  }

  public RunMeta withName(String newName) {
    return new RunMeta(newName, description, tags, notes);
  }

  public RunMeta withDescription(String newDescription) {
    return new RunMeta(name, newDescription, tags, notes);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static ConfigException invalid(Path file, Exception e) {
    return new ConfigException(
        "run meta " + file + " is not valid: " + e.getMessage(),
        Origin.ofFile(file.toString(), 0, 0),
        "repair the JSON, or delete the file (tags and notes are lost, nothing else)");
  }
}
