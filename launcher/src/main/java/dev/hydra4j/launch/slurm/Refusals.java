package dev.hydra4j.launch.slurm;

import static dev.hydra4j.launch.slurm.SlurmKey.*;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names the setting behind a job SLURM refused. SLURM's message says what it could not do ({@code
 * invalid partition specified}, {@code Requested node configuration is not available}); the user
 * needs the key in their config that asked for it, and where that key was set.
 */
final class Refusals {

  /** Words in SLURM's message, and the keys that can cause them, most likely first. */
  private static final List<Map.Entry<String, List<SlurmKey>>> CAUSES =
      List.of(
          Map.entry("partition", List.of(PARTITION)),
          Map.entry("qos", List.of(QOS)),
          Map.entry("account", List.of(ACCOUNT, PARTITION)),
          Map.entry("feature", List.of(CONSTRAINT)),
          Map.entry("node name", List.of(EXCLUDE)),
          Map.entry("gres", List.of(GPUS_PER_NODE, GPUS_PER_TASK, GRES, CPUS_PER_GPU, MEM_PER_GPU)),
          Map.entry("--time", List.of(TIMEOUT_MIN)),
          Map.entry("time limit", List.of(TIMEOUT_MIN)),
          Map.entry("memory", List.of(MEM_GB, MEM_PER_CPU, MEM_PER_GPU)),
          Map.entry("array", List.of(MAX_ARRAY_SIZE, ARRAY_PARALLELISM)),
          Map.entry(
              "node configuration",
              List.of(
                  CPUS_PER_TASK,
                  MEM_GB,
                  MEM_PER_CPU,
                  NODES,
                  TASKS_PER_NODE,
                  GPUS_PER_NODE,
                  GPUS_PER_TASK,
                  GRES,
                  CONSTRAINT,
                  PARTITION)),
          Map.entry("node count", List.of(NODES, EXCLUDE, PARTITION)),
          Map.entry("processors", List.of(CPUS_PER_TASK, TASKS_PER_NODE, NODES)));

  private Refusals() {}

  private static boolean isBuiltIn(Origin origin) {
    return origin == null
        || origin.description().startsWith("builtin://")
        || origin.equals(Origin.BUILT_IN);
  }

  /** {@code refusal} (SlurmClient's, carrying SLURM's own words) with the key that caused it. */
  static ConfigException explain(ConfigException refusal, SlurmSettings settings) {
    if (SubmitLimit.isLimit(refusal)) {
      // Not a setting: the cluster's cap on jobs queued at once (array tasks count one each).
      return new ConfigException(
          refusal.getMessage()
              + "\n  caused by the cluster's submit limit ("
              + SubmitLimit.named(refusal)
              + "), not by a setting",
          refusal.origin(),
          "see your limits with: sacctmgr show assoc user=$USER format=MaxSubmit,GrpSubmit;"
              + " a SLURM launch waits for room under it, and hydra4j resume submits the rest",
          refusal);
    }
    String said = refusal.getMessage().toLowerCase(Locale.ROOT);
    List<SlurmKey> keys =
        CAUSES.stream()
            .filter(e -> said.contains(e.getKey()))
            .flatMap(e -> e.getValue().stream())
            .filter(settings::isSet)
            .distinct()
            .toList();
    // A value the user chose is a likelier cause than hydra4j's default beside it.
    List<SlurmKey> chosen = keys.stream().filter(k -> !isBuiltIn(settings.origin(k))).toList();
    if (!chosen.isEmpty()) {
      keys = chosen;
    }
    String cause;
    Origin origin = refusal.origin();
    if (!keys.isEmpty()) {
      origin = settings.origin(keys.get(0));
      cause =
          keys.size() == 1
              ? "\n  caused by " + settings.shown(keys.get(0))
              : "\n  caused by one of "
                  + keys.stream().map(settings::shown).collect(Collectors.joining(", "));
    } else if (!settings.additionalParameters().isEmpty()) {
      origin = settings.origin(ADDITIONAL_PARAMETERS);
      cause =
          "\n  perhaps caused by hydra.launcher.additional_parameters="
              + settings.additionalParameters();
    } else {
      cause = "";
    }
    return new ConfigException(
        refusal.getMessage() + cause,
        origin,
        "see what the cluster offers: sinfo -o '%P %c %m %G %f' lists each partition's CPUs,"
            + " memory (MB), GPUs (gres) and features",
        refusal);
  }
}
