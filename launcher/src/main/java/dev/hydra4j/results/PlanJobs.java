package dev.hydra4j.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's jobs and command from its {@code plan.json}, read with a streaming parser: a 20,000-job
 * plan is 2 MB, and building its tree was a fifth of {@code collect}'s own work. Only the shape
 * hydra4j writes is read here (numbers where numbers go, text where text goes); anything else gives
 * {@code null}, and {@link RecordedRun} reads the file as a tree, as before, so that both readings
 * of a plan agree.
 */
final class PlanJobs {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** The jobs, each with its directory resolved against the sweep's, and the task's command. */
  record Plan(List<RecordedRun.JobEntry> jobs, List<String> command) {}

  private PlanJobs() {}

  /** The plan in {@code file} of the sweep in {@code sweepDir}, or {@code null} (see above). */
  static Plan read(Path file, Path sweepDir) {
    try (JsonParser p = FACTORY.createParser(Files.readString(file))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<RecordedRun.JobEntry> jobs = null;
      List<String> command = List.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("jobs")) {
          jobs = value == JsonToken.START_ARRAY ? jobs(p, sweepDir) : null;
          if (jobs == null) {
            return null;
          }
        } else if (field.equals("command")) {
          command = value == JsonToken.START_ARRAY ? strings(p) : null;
          if (command == null) {
            return null;
          }
        } else {
          p.skipChildren();
        }
      }
      return jobs == null ? null : new Plan(jobs, command);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<RecordedRun.JobEntry> jobs(JsonParser p, Path sweepDir) throws IOException {
    List<RecordedRun.JobEntry> jobs = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
      int num = 0;
      String dir = null;
      List<String> overrides = List.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "num" -> {
            if (value != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() != JsonParser.NumberType.INT) {
              return null;
            }
            num = p.getIntValue();
          }
          case "dir" -> {
            if (value != JsonToken.VALUE_STRING) {
              return null;
            }
            dir = p.getText();
          }
          case "overrides" -> {
            overrides = value == JsonToken.START_ARRAY ? strings(p) : null;
            if (overrides == null) {
              return null;
            }
          }
          default -> p.skipChildren();
        }
      }
      jobs.add(
          new RecordedRun.JobEntry(
              num, sweepDir.resolve(dir == null ? String.valueOf(num) : dir), overrides));
    }
    return token == JsonToken.END_ARRAY ? jobs : null;
  }

  /** The strings of an array whose start was just read, or {@code null} when one is not text. */
  private static List<String> strings(JsonParser p) throws IOException {
    List<String> out = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.VALUE_STRING) {
      out.add(p.getText());
    }
    return token == JsonToken.END_ARRAY ? out : null;
  }
}
