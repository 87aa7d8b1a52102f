package dev.hydra4j.search;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code hydra.sweeper} as Hydra's Optuna sweeper writes it, read and checked: direction(s),
 * n_trials, n_jobs, study_name, storage (ignored, with a notice: the study lives in the sweep
 * directory), sampler (by its Optuna {@code _target_}), and hydra4j's additions <code>objective
 * </code> and <code>pruner</code>.
 *
 * @param seed the sampler's seed, or {@code null} for one drawn when the study starts
 */
record SweeperSettings(
    int nTrials,
    int nJobs,
    Directions directions,
    List<String> objectives,
    String studyName,
    String samplerKind,
    Long seed,
    ConfigMap sampler,
    Pruner pruner,
    List<String> notices) {

  /** The {@code _target_} of Hydra's Optuna sweeper; a sweeper naming it is this one. */
  static final String TARGET = "hydra_plugins.hydra_optuna_sweeper.optuna_sweeper.OptunaSweeper";

  /** Every key of Hydra's Optuna sweeper config, plus hydra4j's objective and pruner. */
  static final List<String> KEYS =
      List.of(
          "_target_",
          "storage",
          "study_name",
          "n_jobs",
          "direction",
          "n_trials",
          "objective",
          "sampler",
          "pruner",
          "custom_search_space",
          "params");

  /** Whether {@code hydra.sweeper} asks for the Optuna sweeper. */
  static boolean isOptuna(ConfigNode sweeper) {
    return sweeper instanceof ConfigMap m
        && m.get("_target_") instanceof ConfigValue v
        && v.value() instanceof String s
        && s.toLowerCase(Locale.ROOT).contains("optuna");
  }

  /**
   * @param sweeper the {@code hydra.sweeper} node
   * @param optimizedMetric the config's top-level {@code optimized_metric}, the objective's name in
   *     Hydra project templates, used when {@code objective} is not set
   */
  static SweeperSettings of(ConfigMap sweeper, ConfigNode optimizedMetric) {
    requireKnownKeys(sweeper);
    List<String> notices = new ArrayList<>();
    int nTrials = positive(sweeper, "n_trials", 20);
    int nJobs = positive(sweeper, "n_jobs", 2);
    List<Boolean> maximize = new ArrayList<>();
    ConfigNode direction = sweeper.get("direction");
    for (ConfigNode d :
        direction instanceof ConfigList l
            ? l.items()
            : direction == null ? List.<ConfigNode>of() : List.of(direction)) {
      String text =
          d instanceof ConfigValue v && v.value() != null
              ? String.valueOf(v.value()).toLowerCase(Locale.ROOT)
              : "";
      if (!text.equals("minimize") && !text.equals("maximize")) {
        throw new ConfigException(
            "hydra.sweeper.direction must be minimize or maximize, not '" + text + "'",
            d.origin(),
            "e.g. direction: maximize, or [minimize, maximize]");
      }
      maximize.add(text.equals("maximize"));
    }
    if (maximize.isEmpty()) {
      maximize.add(false);
    }
    List<String> objectives = objectives(sweeper.get("objective"), optimizedMetric);
    if (objectives.size() != maximize.size()) {
      throw new ConfigException(
          "hydra.sweeper.objective names "
              + objectives.size()
              + " metric(s) but direction gives "
              + maximize.size(),
          origin(sweeper, "objective"),
          "give one metric per direction, e.g. objective: [val/loss, latency_ms] with"
              + " direction: [minimize, minimize]");
    }
    String studyName = text(sweeper, "study_name");
    if (text(sweeper, "storage") != null) {
      notices.add(
          "hydra.sweeper.storage is ignored: the study is kept in the sweep directory"
              + " ("
              + StudyLog.NAME
              + ")");
    }
    if (sweeper.get("custom_search_space") instanceof ConfigValue v && v.value() != null) {
      throw new ConfigException(
          "hydra.sweeper.custom_search_space names a Python function,"
              + " which hydra4j cannot call",
          v.origin(),
          "give the parameters in hydra.sweeper.params instead");
    }
    ConfigMap sampler =
        sweeper.get("sampler") instanceof ConfigMap m ? m : ConfigMap.empty(Origin.BUILT_IN);
    String kind = samplerKind(sampler, notices);
    Long seed =
        sampler.get("seed") instanceof ConfigValue s && s.value() instanceof Number n
            ? n.longValue()
            : null;
    Pruner pruner = Pruner.of(sweeper.get("pruner"), maximize.get(0));
    if (maximize.size() > 1 && !(pruner instanceof Pruner.None)) {
      notices.add("the pruner is not used with several objectives (a curve has one value)");
      pruner = new Pruner.None();
    }
    return new SweeperSettings(
        nTrials,
        nJobs,
        new Directions(maximize),
        objectives,
        studyName,
        kind,
        seed,
        sampler,
        pruner,
        notices);
  }

  /** The sampler for a study whose seed is {@code seed}. */
  Sampler newSampler(long seed) {
    return switch (samplerKind) {
      case "random" -> new RandomSampler(seed);
      case "grid" -> new GridSampler(seed);
      default ->
          new TpeSampler(
              seed,
              intOf("n_startup_trials", 10),
              intOf("n_ei_candidates", 24),
              TpeSampler.DEFAULT_GAMMA,
              25,
              doubleOf("prior_weight", 1.0),
              !(sampler.get("constant_liar") instanceof ConfigValue v
                  && Boolean.FALSE.equals(v.value())),
              sampler.get("multivariate") instanceof ConfigValue mv
                  && Boolean.TRUE.equals(mv.value()),
              directions);
    };
  }

  private static String samplerKind(ConfigMap sampler, List<String> notices) {
    String target = text(sampler, "_target_");
    if (target == null) {
      return "tpe";
    }
    String name = target.substring(target.lastIndexOf('.') + 1);
    switch (name) {
      case "TPESampler":
        return "tpe";
      case "RandomSampler":
        return "random";
      case "GridSampler":
        return "grid";
      case "MOTPESampler", "NSGAIISampler":
        notices.add(
            name
                + " is run as hydra4j's TPE, which handles several objectives by"
                + " Pareto rank");
        return "tpe";
      default:
        throw new ConfigException(
            "The sampler " + target + " is not built into hydra4j",
            sampler.get("_target_").origin(),
            "use optuna.samplers.TPESampler, RandomSampler" + " or GridSampler");
    }
  }

  private static List<String> objectives(ConfigNode node, ConfigNode fallback) {
    ConfigNode from = node instanceof ConfigValue v && v.value() == null ? null : node;
    if (from == null && fallback instanceof ConfigValue f && f.value() != null) {
      from = fallback;
    }
    List<String> out = new ArrayList<>();
    if (from instanceof ConfigList list) {
      list.items()
          .forEach(i -> out.add(i instanceof ConfigValue v ? String.valueOf(v.value()) : ""));
    } else if (from instanceof ConfigValue v) {
      out.add(String.valueOf(v.value()));
    }
    if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
      throw new ConfigException(
          "The optuna sweeper needs the metric to optimize",
          node == null ? Origin.of("hydra.sweeper.objective") : node.origin(),
          "name the metric your task writes to metrics.json, e.g."
              + " hydra.sweeper.objective=[val/acc] (or set optimized_metric: val/acc)");
    }
    return out;
  }

  private static int positive(ConfigMap map, String key, int fallback) {
    ConfigNode node = map.get(key);
    if (node == null || node instanceof ConfigValue v && v.value() == null) {
      return fallback;
    }
    if (node instanceof ConfigValue v
        && v.value() instanceof Long n
        && n > 0
        && n <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new ConfigException(
        "hydra.sweeper." + key + " must be a whole number above 0",
        node.origin(),
        "e.g. hydra.sweeper." + key + "=" + fallback);
  }

  private int intOf(String key, int fallback) {
    return sampler.get(key) instanceof ConfigValue v && v.value() instanceof Long n
        ? n.intValue()
        : fallback;
  }

  private double doubleOf(String key, double fallback) {
    return sampler.get(key) instanceof ConfigValue v && v.value() instanceof Number n
        ? n.doubleValue()
        : fallback;
  }

  private static String text(ConfigMap map, String key) {
    return map.get(key) instanceof ConfigValue v && v.value() != null
        ? String.valueOf(v.value())
        : null;
  }

  private static Origin origin(ConfigMap map, String key) {
    ConfigNode node = map.get(key);
    return node == null ? map.origin() : node.origin();
  }

  /** A misspelt key ({@code n_trial}) would otherwise be ignored and run another study. */
  private static void requireKnownKeys(ConfigMap sweeper) {
    for (var e : sweeper.entries().entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw new ConfigException(
            "Unknown setting 'hydra.sweeper." + e.getKey() + "' for the optuna sweeper",
            e.getValue().origin(),
            dev.hydra4j.compose.Suggestions.didYouMean(e.getKey(), KEYS)
                + "settings of the optuna sweeper: "
                + String.join(", ", KEYS));
      }
    }
  }
}
