package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code tag} and {@code note}: edit a run's {@link RunMeta} after the fact. */
public final class MetaEdit {

  private MetaEdit() {}

  /**
   * Adds ({@code +t} or {@code t}) and removes ({@code -t}) tags of the run or sweep in {@code
   * dir}, then prints its tags.
   */
  public static int tag(Path dir, List<String> edits, PrintStream out) {
    Path run = checked(dir);
    RunMeta meta = RunMeta.read(run);
    if (!edits.isEmpty()) {
      meta = meta.editTags(edits);
      write(meta, run);
    }
    out.println(meta.tags().isEmpty() ? "no tags" : "tags: " + String.join(", ", meta.tags()));
    return 0;
  }

  /**
   * Adds a dated note and sets the name or description when given (each may be {@code null}), then
   * prints what the run now says about itself.
   */
  public static int note(Path dir, String text, String name, String description, PrintStream out) {
    Path run = checked(dir);
    RunMeta meta = RunMeta.read(run);
    RunMeta edited = meta;
    if (name != null) {
      edited = edited.withName(name.isBlank() ? null : name);
    }
    if (description != null) {
      edited = edited.withDescription(description.isBlank() ? null : description);
    }
    if (text != null && !text.isBlank()) {
      edited = edited.withNote(Instant.now(), text);
    }
    if (!edited.equals(meta)) {
      write(edited, run);
    }
    RunShow.printMeta(edited, out);
    return 0;
  }

  private static void write(RunMeta meta, Path run) {
    try {
      meta.write(run);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + run.resolve(RunMeta.NAME) + ": " + e.getMessage(), e);
    }
  }

  static Path checked(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          "'" + dir + "' does not exist",
          Origin.of(dir.toString()),
          "give a run or sweep directory; 'hydra4j runs' lists them");
    }
    Path abs = dir.toAbsolutePath().normalize();
    if (!RecordedRun.isRun(abs)) {
      throw new ConfigException(
          "'" + dir + "' is not a hydra4j run or sweep",
          Origin.of(dir.toString()),
          "give the directory of a run or sweep (the one with"
              + " run.json), not a job inside it; 'hydra4j runs' lists them");
    }
    return abs;
  }
}
