package dev.hydra4j.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trial of a study: the job with the same number, its parameters and what came of it.
 *
 * @param params parameter name to value (Double, Long, or a choice's value), in space order
 * @param values the objective values, one per direction; empty unless COMPLETE
 * @param intermediate the objective's values logged at each step while it ran
 */
record Trial(
    int number,
    Map<String, Object> params,
    TrialState state,
    List<Double> values,
    SortedMap<Long, Double> intermediate) {

  Trial {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    values = List.copyOf(values);
    intermediate = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(intermediate));
  }

  static Trial running(int number, Map<String, Object> params) {
    return new Trial(number, params, TrialState.RUNNING, List.of(), new TreeMap<>());
  }

  Trial ended(TrialState newState, List<Double> newValues) {
    return new Trial(number, params, newState, newValues, intermediate);
  }

  Trial withIntermediate(SortedMap<Long, Double> curve) {
    return new Trial(number, params, state, values, curve);
  }

  /** The loss of a single-objective trial, lower is better; its direction applied. */
  double loss(Directions directions) {
    return directions.loss(0, values.get(0));
  }
}
