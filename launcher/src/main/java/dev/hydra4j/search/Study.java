package dev.hydra4j.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The trials of one study in memory, kept in step with its {@link StudyLog}: every change is logged
 * before it counts. Thread-safe: worker threads suggest, the prune watcher reads.
 */
final class Study {

  private final SearchSpace space;
  private final Sampler sampler;
  private final Directions directions;
  private final List<String> objectives;
  private final StudyLog log;
  private final Map<Integer, Trial> trials;
  private final Consumer<String> notice;

  Study(
      SearchSpace space,
      Sampler sampler,
      Directions directions,
      List<String> objectives,
      StudyLog log,
      Map<Integer, Trial> trials,
      Consumer<String> notice) {
    this.space = space;
    this.sampler = sampler;
    this.directions = directions;
    this.objectives = List.copyOf(objectives);
    this.log = log;
    this.trials = new LinkedHashMap<>(trials);
    this.notice = notice;
  }

  SearchSpace space() {
    return space;
  }

  List<String> objectives() {
    return objectives;
  }

  Directions directions() {
    return directions;
  }

  synchronized List<Trial> trials() {
    return List.copyOf(trials.values());
  }

  synchronized Trial trial(int number) {
    return trials.get(number);
  }

  /** The parameters of trial {@code number}: those on record, or a new suggestion logged. */
  synchronized Map<String, Object> paramsFor(int number) {
    Trial known = trials.get(number);
    if (known != null) {
      return known.params();
    }
    List<Trial> history = new ArrayList<>(trials.values());
    history.sort(java.util.Comparator.comparingInt(Trial::number));
    Map<String, Object> params = sampler.suggest(space, number, history);
    try {
      log.trialStarted(number, params);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    trials.put(number, Trial.running(number, params));
    return params;
  }

  /**
   * Records how a running trial's job ended, reading its metrics from {@code jobDir}.
   *
   * @param jobState the job's final state name (COMPLETED, PRUNED, FAILED, …)
   */
  synchronized void ended(int number, String jobState, Path jobDir) {
    Trial t = trials.get(number);
    if (t == null || t.state() != TrialState.RUNNING) {
      return;
    }
    SortedMap<Long, Double> curve = TrialMetrics.curve(jobDir, objectives.get(0));
    Trial ended;
    if (jobState.equals("COMPLETED")) {
      List<Double> values = TrialMetrics.finalValues(jobDir, objectives);
      if (values == null) {
        notice.accept(
            "trial "
                + number
                + " COMPLETED but its metrics.json has no "
                + String.join(", ", objectives)
                + "; recorded as FAIL");
        ended = t.ended(TrialState.FAIL, List.of());
      } else {
        ended = t.ended(TrialState.COMPLETE, values);
      }
    } else if (jobState.equals("PRUNED")) {
      ended = t.ended(TrialState.PRUNED, List.of());
    } else {
      ended = t.ended(TrialState.FAIL, List.of());
    }
    ended = ended.withIntermediate(curve);
    try {
      log.trialEnded(ended);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    trials.put(number, ended);
  }

  /** Notes a running trial's curve so far (in memory: its end logs the whole curve). */
  synchronized Trial withCurve(int number, SortedMap<Long, Double> curve) {
    Trial t = trials.get(number);
    if (t == null || t.state() != TrialState.RUNNING) {
      return t;
    }
    Trial updated = t.withIntermediate(curve);
    trials.put(number, updated);
    return updated;
  }
}
