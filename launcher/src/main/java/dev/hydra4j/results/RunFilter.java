package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which runs {@code runs} lists; every field is optional ({@code null} or empty).
 *
 * @param status the run's overall state (completed, failed, running, …)
 * @param tags tags the run must all carry
 * @param name text the run's name contains, ignoring case
 * @param since runs started on or after this date or instant
 * @param until runs started on or before this date (the whole day) or instant
 * @param kind run or sweep
 */
public record RunFilter(
    String status, List<String> tags, String name, String since, String until, String kind) {

  public static final RunFilter NONE = new RunFilter(null, List.of(), null, null, null, null);

  public RunFilter {
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (status != null && JobState.parse(status) == null) {
      throw new ConfigException(
          "Unknown status '" + status + "'",
          Origin.of("--status " + status),
          "use one of " + String.join(", ", states()));
    }
    if (kind != null && !kind.equals("run") && !kind.equals("sweep")) {
      throw new ConfigException(
          "Unknown kind '" + kind + "'", Origin.of("--kind " + kind), "use run or sweep");
    }
    if (since != null) {
      Dates.start(since, "--since");
    }
    if (until != null) {
      Dates.end(until, "--until");
    }
  }

  boolean isEmpty() {
    return status == null
        && tags.isEmpty()
        && name == null
        && since == null
        && until == null
        && kind == null;
  }

  boolean test(IndexedRun run) {
    if (status != null && run.status() != JobState.parse(status)) {
      return false;
    }
    if (!run.tags().containsAll(tags)) {
      return false;
    }
    if (name != null
        && (run.name() == null
            || !run.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (kind != null && !kind.equals(run.kind())) {
      return false;
    }
    Instant start = run.start();
    if (since != null && (start == null || start.isBefore(Dates.start(since, "--since")))) {
      return false;
    }
    return until == null || start != null && !start.isAfter(Dates.end(until, "--until"));
  }

  private static List<String> states() {
    return java.util.Arrays.stream(JobState.values())
        .map(s -> s.name().toLowerCase(Locale.ROOT))
        .toList();
  }
}
