package dev.hydra4j.search;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Decides from the curves trials log while they run whether to stop one early. Curves are the first
 * objective over {@code step}; a trial's value at a step is its best so far.
 */
sealed interface Pruner {

  /**
   * Whether to stop a running trial now.
   *
   * @param trial a running trial, with its curve so far
   * @param others every other trial with a curve (finished or running)
   */
  boolean shouldPrune(Trial trial, List<Trial> others);

  /** No early stopping (the default). */
  record None() implements Pruner {
    @Override
    public boolean shouldPrune(Trial trial, List<Trial> others) {
      return false;
    }
  }

  /**
   * Optuna's median rule: once {@code nStartupTrials} trials completed, a trial past {@code
   * nWarmupSteps} whose best value so far is worse than the median of the completed trials' best
   * values by the same step is stopped.
   */
  record Median(int nStartupTrials, long nWarmupSteps, boolean maximize) implements Pruner {
    @Override
    public boolean shouldPrune(Trial trial, List<Trial> others) {
      if (trial.intermediate().isEmpty()) {
        return false;
      }
      long step = trial.intermediate().lastKey();
      List<Trial> completed =
          others.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
      if (step <= nWarmupSteps || completed.size() < nStartupTrials) {
        return false;
      }
      List<Double> theirs = new ArrayList<>();
      for (Trial t : completed) {
        Double v = bestUpTo(t.intermediate(), step, maximize);
        if (v != null) {
          theirs.add(v);
        }
      }
      if (theirs.isEmpty()) {
        return false;
      }
      theirs.sort(null);
      int n = theirs.size();
      double median =
          n % 2 == 1 ? theirs.get(n / 2) : (theirs.get(n / 2 - 1) + theirs.get(n / 2)) / 2;
      double mine = bestUpTo(trial.intermediate(), step, maximize);
      return maximize ? mine < median : mine > median;
    }
  }

  /**
   * Asynchronous successive halving: rung k is step {@code minResource * reductionFactor^(k +
   * minEarlyStoppingRate)}; a trial that reached a rung continues only while its value there is
   * among the best 1/reductionFactor of every trial that reached it (the first to arrive always
   * continues).
   */
  record SuccessiveHalving(
      long minResource, int reductionFactor, int minEarlyStoppingRate, boolean maximize)
      implements Pruner {
    @Override
    public boolean shouldPrune(Trial trial, List<Trial> others) {
      if (trial.intermediate().isEmpty()) {
        return false;
      }
      long reached = trial.intermediate().lastKey();
      long rung = -1;
      for (long r = minResource * pow(reductionFactor, minEarlyStoppingRate);
          r <= reached;
          r *= reductionFactor) {
        rung = r;
      }
      if (rung < 0) {
        return false;
      }
      double mine = bestUpTo(trial.intermediate(), rung, maximize);
      int better = 0;
      int competing = 1;
      for (Trial t : others) {
        if (!t.intermediate().isEmpty() && t.intermediate().lastKey() >= rung) {
          double v = bestUpTo(t.intermediate(), rung, maximize);
          competing++;
          if (maximize ? v > mine : v < mine) {
            better++;
          }
        }
      }
      return better >= Math.max(1, competing / reductionFactor);
    }

    private static long pow(long base, int exponent) {
      long out = 1;
      for (int i = 0; i < exponent; i++) {
        out *= base;
      }
      return out;
    }
  }

  private static Double bestUpTo(SortedMap<Long, Double> curve, long step, boolean maximize) {
    Double best = null;
    for (double v : curve.headMap(step + 1).values()) {
      if (best == null || (maximize ? v > best : v < best)) {
        best = v;
      }
    }
    return best;
  }

  /** The pruner {@code hydra.sweeper.pruner} names, by Optuna's {@code _target_}. */
  static Pruner of(ConfigNode node, boolean maximize) {
    if (!(node instanceof ConfigMap map)) {
      if (node instanceof ConfigValue v && v.value() != null) {
        throw new ConfigException(
            "hydra.sweeper.pruner must be a mapping with a _target_",
            v.origin(),
            "e.g. pruner: {_target_: optuna.pruners.MedianPruner}");
      }
      return new None();
    }
    String target =
        map.get("_target_") instanceof ConfigValue v && v.value() != null
            ? String.valueOf(v.value())
            : "";
    String name = target.substring(target.lastIndexOf('.') + 1);
    return switch (name) {
      case "MedianPruner" ->
          new Median(
              (int) number(map, "n_startup_trials", 5), number(map, "n_warmup_steps", 0), maximize);
      case "SuccessiveHalvingPruner" ->
          new SuccessiveHalving(
              Math.max(1, number(map, "min_resource", 1)),
              (int) number(map, "reduction_factor", 4),
              (int) number(map, "min_early_stopping_rate", 0),
              maximize);
      case "NopPruner" -> new None();
      default ->
          throw new ConfigException(
              "The pruner '" + target + "' is not built into" + " hydra4j",
              map.get("_target_") == null ? map.origin() : map.get("_target_").origin(),
              "use optuna.pruners.MedianPruner or optuna.pruners.SuccessiveHalvingPruner");
    };
  }

  private static long number(ConfigMap map, String key, long fallback) {
    // min_resource: auto (Optuna's default) starts at the first step.
    return map.get(key) instanceof ConfigValue v && v.value() instanceof Long n ? n : fallback;
  }
}
