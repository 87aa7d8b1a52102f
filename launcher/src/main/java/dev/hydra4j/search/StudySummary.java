package dev.hydra4j.search;

import dev.hydra4j.config.PythonFloat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A study in a few lines for {@code status} and the end of a sweep. */
final class StudySummary {

  private StudySummary() {}

  static List<String> lines(
      StudyLog.Header header, List<Trial> trials, Directions directions, SearchSpace space) {
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    String states =
        counts.entrySet().stream()
            .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
            .collect(Collectors.joining(" · "));
    List<String> out = new ArrayList<>();
    out.add(
        "study   "
            + header.name()
            + ": "
            + trials.size()
            + " of "
            + header.nTrials()
            + " trials"
            + (states.isEmpty() ? "" : " (" + states + ")")
            + ", sampler "
            + header.sampler()
            + ", seed "
            + header.seed());
    List<Trial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    if (complete.isEmpty()) {
      return out;
    }
    if (directions.size() == 1) {
      out.add("best    " + describe(directions.bestFirst(complete).get(0), header));
    } else {
      for (Trial t : directions.paretoFront(complete)) {
        out.add("pareto  " + describe(t, header));
      }
    }
    return out;
  }

  private static String describe(Trial t, StudyLog.Header header) {
    StringBuilder line = new StringBuilder("trial ").append(t.number()).append(": ");
    for (int i = 0; i < t.values().size(); i++) {
      line.append(i == 0 ? "" : ", ")
          .append(header.objectives().get(i))
          .append('=')
          .append(shown(t.values().get(i)));
    }
    line.append("  ");
    t.params()
        .forEach(
            (k, v) ->
                line.append(' ')
                    .append(k)
                    .append('=')
                    .append(v instanceof Double d ? shown(d) : v));
    return line.toString();
  }

  /**
   * A value as a person reads it in a summary line: six significant digits ({@code
   * 2.3723111761165185} → {@code 2.37231}); the study file keeps the exact value.
   */
  static String shown(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
      return PythonFloat.repr(value);
    }
    double abs = Math.abs(value);
    if (abs >= 1e9 || abs < 1e-4) {
      return String.format(java.util.Locale.ROOT, "%.5e", value);
    }
    java.math.BigDecimal rounded =
        new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros();
    return rounded.scale() <= 0 ? rounded.setScale(1).toPlainString() : rounded.toPlainString();
  }
}
