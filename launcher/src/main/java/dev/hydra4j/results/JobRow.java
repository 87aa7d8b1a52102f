package dev.hydra4j.results;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StateLabel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One job's line of results.
 *
 * @param num the job number
 * @param dir the job directory
 * @param status its status file ({@code null} state never: PENDING when there is none)
 * @param params the job's overrides as typed values by key ({@code training.lr} → 0.01)
 * @param metrics harvested metric values by name
 * @param problems why a metric could not be read (and an unreadable status file)
 * @param curves the metrics logged over time, by name
 * @param sources for each metric a rule produced, the rule
 */
record JobRow(
    int num,
    Path dir,
    JobStatus status,
    Map<String, Object> params,
    Map<String, Object> metrics,
    List<String> problems,
    Map<String, List<CurvePoint>> curves,
    Map<String, String> sources) {

  JobRow {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    problems = List.copyOf(problems);
    curves = Collections.unmodifiableMap(new LinkedHashMap<>(curves));
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** The same row with other problems. */
  JobRow withProblems(List<String> other) {
    return new JobRow(num, dir, status, params, metrics, other, curves, sources);
  }

  JobState state() {
    return status.state();
  }

  /** Whether no launcher was ever given this job ({@link StateLabel#notStarted}). */
  boolean notStarted() {
    return StateLabel.notStarted(status, dir);
  }

  /** The state as shown: its name, or "not started". */
  String stateLabel() {
    return notStarted() ? StateLabel.NOT_STARTED : status.state().name();
  }

  /** Wall-clock seconds of the last attempt, or {@code null}. */
  Double seconds() {
    return status.duration() == null ? null : status.duration().toMillis() / 1000.0;
  }
}
