package dev.hydra4j.launch.slurm;

import dev.hydra4j.compose.Suggestions;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One job's {@code hydra.launcher} settings for SLURM, checked against the schema ({@link
 * SlurmKey}) and normalised. Jobs whose settings are equal share an array job; equality ignores
 * where a value came from, so jobs that interpolate the same resources group together.
 */
public final class SlurmSettings {

  private final Map<SlurmKey, Object> values;
  private final Map<SlurmKey, Origin> origins;
  private final Packing packing;

  private SlurmSettings(
      Map<SlurmKey, Object> values, Map<SlurmKey, Origin> origins, Packing packing) {
    this.values = Collections.unmodifiableMap(values);
    this.origins = Collections.unmodifiableMap(origins);
    this.packing = packing;
  }

  /**
   * Checks and reads a job's resolved {@code hydra.launcher} node.
   *
   * @throws ConfigException for an unknown key (listing the valid ones), a value of the wrong kind,
   *     or settings SLURM forbids together; its origin is the offending value's
   */
  public static SlurmSettings parse(ConfigMap launcher) {
    Map<SlurmKey, Object> values = new EnumMap<>(SlurmKey.class);
    Map<SlurmKey, Origin> origins = new EnumMap<>(SlurmKey.class);
    for (Map.Entry<String, ConfigNode> e : launcher.entries().entrySet()) {
      SlurmKey key = SlurmKey.of(e.getKey());
      if (key == null) {
        throw new ConfigException(
            "Unknown key '" + e.getKey() + "' in hydra.launcher (the slurm" + " launcher)",
            e.getValue().origin(),
            Suggestions.didYouMean(e.getKey(), SlurmKey.keys())
                + "valid keys: "
                + String.join(", ", SlurmKey.keys())
                + "; any other sbatch option goes in additional_parameters");
      }
      Object value = SettingValues.read(key, e.getValue());
      origins.put(key, e.getValue().origin());
      if (value != null) {
        values.put(key, value);
      }
    }
    List<SlurmKey> memory = new ArrayList<>();
    for (SlurmKey k : List.of(SlurmKey.MEM_GB, SlurmKey.MEM_PER_CPU, SlurmKey.MEM_PER_GPU)) {
      if (values.containsKey(k)) {
        memory.add(k);
      }
    }
    if (memory.size() > 1) {
      SlurmKey second = memory.get(1);
      throw new ConfigException(
          memory.get(0).path()
              + " and "
              + second.path()
              + " cannot both be set (SLURM takes one memory request)",
          origins.get(second),
          "set one of them and the other to null");
    }
    checkWarning(values, origins);
    return new SlurmSettings(values, origins, Packing.of(values, origins));
  }

  /** SLURM's {@code --signal} takes at most this many seconds. */
  static final long MAX_SIGNAL_DELAY_S = 65535;

  /** The time-limit warning must come before the limit, or it is no warning. */
  private static void checkWarning(Map<SlurmKey, Object> values, Map<SlurmKey, Origin> origins) {
    Long delay = (Long) values.get(SlurmKey.SIGNAL_DELAY_S);
    if (delay == null || delay == 0) {
      return;
    }
    Origin where = origins.get(SlurmKey.SIGNAL_DELAY_S);
    if (delay > MAX_SIGNAL_DELAY_S) {
      throw new ConfigException(
          SlurmKey.SIGNAL_DELAY_S.path()
              + "="
              + delay
              + " is more than"
              + " SLURM's largest warning time, "
              + MAX_SIGNAL_DELAY_S
              + " s",
          where,
          "e.g. " + SlurmKey.SIGNAL_DELAY_S.path() + "=120");
    }
    Long minutes = (Long) values.get(SlurmKey.TIMEOUT_MIN);
    if (minutes != null && delay >= minutes * 60) {
      throw new ConfigException(
          SlurmKey.SIGNAL_DELAY_S.path()
              + "="
              + delay
              + " is not shorter"
              + " than the time limit ("
              + SlurmKey.TIMEOUT_MIN.path()
              + "="
              + minutes
              + ", "
              + minutes * 60
              + " s): the warning would come at the start",
          where,
          "give the warning some seconds before the limit, e.g. "
              + SlurmKey.SIGNAL_DELAY_S.path()
              + "="
              + Math.max(1, minutes * 60 / 10));
    }
  }

  /**
   * The sbatch options these settings ask for, one word each ({@code --partition=debug}), in schema
   * order and then {@code additional_parameters}. Not included: the array, output and dependency
   * options, which depend on the submission.
   */
  public List<String> sbatchOptions() {
    return sbatchOptionsByKey().stream().map(Map.Entry::getValue).toList();
  }

  /** {@link #sbatchOptions()}, each with the key that asked for it. */
  List<Map.Entry<SlurmKey, String>> sbatchOptionsByKey() {
    List<Map.Entry<SlurmKey, String>> options = new ArrayList<>();
    for (SlurmKey key : SlurmKey.values()) {
      Object value = values.get(key);
      if (key.sbatchOption == null) {
        continue;
      }
      switch (key) {
        case SIGNAL_DELAY_S -> {
          long delay = (Long) values.getOrDefault(key, 0L);
          if (delay > 0) {
            // B: signals the batch shell only; the script passes the warning to the task.
            options.add(Map.entry(key, "--signal=B:USR2@" + delay));
          }
        }
        case MAX_NUM_TIMEOUT ->
            options.add(Map.entry(key, maxNumTimeout() > 0 ? "--requeue" : "--no-requeue"));
        default -> {
          if (value != null) {
            options.add(Map.entry(key, key.sbatchOption + "=" + value));
          }
        }
      }
    }
    additionalParameters()
        .forEach(
            (name, value) ->
                options.add(
                    Map.entry(
                        SlurmKey.ADDITIONAL_PARAMETERS,
                        value == null ? "--" + name : "--" + name + "=" + value)));
    return options;
  }

  @SuppressWarnings("unchecked")
  Map<String, String> additionalParameters() {
    return (Map<String, String>) values.getOrDefault(SlurmKey.ADDITIONAL_PARAMETERS, Map.of());
  }

  /** The {@code %} limit of the array: tasks running at once, or {@code null} for none. */
  public Integer arrayParallelism() {
    Long p = (Long) values.get(SlurmKey.ARRAY_PARALLELISM);
    return p == null ? null : p.intValue();
  }

  /** How many times a task that hit its time limit is requeued. */
  public int maxNumTimeout() {
    return ((Long) values.getOrDefault(SlurmKey.MAX_NUM_TIMEOUT, 0L)).intValue();
  }

  /** The time limit in seconds, or 0 when the partition's default applies. */
  public long timeLimitSeconds() {
    Long minutes = (Long) values.get(SlurmKey.TIMEOUT_MIN);
    return minutes == null ? 0 : minutes * 60;
  }

  /** True when SLURM sends the task a USR2 warning before its time limit. */
  public boolean warnsBeforeTimeLimit() {
    return (Long) values.getOrDefault(SlurmKey.SIGNAL_DELAY_S, 0L) > 0;
  }

  /** Shell lines run before the task, in the task's shell. */
  @SuppressWarnings("unchecked")
  public List<String> setup() {
    return (List<String>) values.getOrDefault(SlurmKey.SETUP, List.of());
  }

  /** Arguments to {@code srun}; when there are any, the task runs as {@code srun ARGS command}. */
  @SuppressWarnings("unchecked")
  public List<String> srunArgs() {
    return (List<String>) values.getOrDefault(SlurmKey.SRUN_ARGS, List.of());
  }

  /**
   * Whether the command runs under {@code srun}: with {@code srun_args}, or when the job asks for
   * more than one task ({@code nodes} × {@code tasks_per_node}). The batch script runs once, on the
   * first node; only srun starts one process per task, on every node.
   */
  public boolean runsUnderSrun() {
    long nodes = (Long) values.getOrDefault(SlurmKey.NODES, 1L);
    long perNode = (Long) values.getOrDefault(SlurmKey.TASKS_PER_NODE, 1L);
    return !srunArgs().isEmpty() || nodes * perNode > 1;
  }

  /** How the jobs of the sweep share array tasks ({@code jobs_per_task}). */
  Packing packing() {
    return packing;
  }

  /** A cap on tasks per array below the cluster's MaxArraySize, or {@code null}. */
  public Integer maxArraySize() {
    Long n = (Long) values.get(SlurmKey.MAX_ARRAY_SIZE);
    return n == null ? null : n.intValue();
  }

  /** Whether the key has a value. */
  boolean isSet(SlurmKey key) {
    return values.containsKey(key);
  }

  /** Where the key's value came from, or {@code null} when the config does not have the key. */
  Origin origin(SlurmKey key) {
    return origins.get(key);
  }

  /** {@code hydra.launcher.partition=debug}, for messages. */
  String shown(SlurmKey key) {
    Object value = values.get(key);
    return key.path() + "=" + (value == null ? "null" : value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlurmSettings other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new HashMap<>();
    values.forEach((k, v) -> shown.put(k.key(), v));
    return "SlurmSettings" + shown;
  }
}
