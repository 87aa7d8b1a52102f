package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Asks the cluster, before anything is written, whether it would take an array with each resource
 * set ({@code sbatch --test-only}: nothing is queued). SLURM names only the first thing it refuses,
 * so a refused set is asked again option by option, and every option SLURM refuses on its own is
 * reported, with its key and where that key was set, in one error.
 */
final class Preflight {

  private final SlurmClient client;

  Preflight(SlurmClient client) {
    this.client = client;
  }

  /**
   * @throws ConfigException when SLURM is unreachable, or would refuse any of the sets
   */
  void check(Collection<SlurmSettings> distinct) throws IOException {
    client.checkReachable();
    Path dir = Files.createTempDirectory("hydra4j-preflight");
    try {
      List<ConfigException> refusals = new ArrayList<>();
      for (SlurmSettings settings : distinct) {
        ConfigException refused = test(dir, settings, settings.sbatchOptions());
        if (refused == null) {
          continue;
        }
        List<ConfigException> found = new ArrayList<>();
        for (Map.Entry<SlurmKey, String> option : settings.sbatchOptionsByKey()) {
          ConfigException alone = test(dir, settings, List.of(option.getValue()));
          if (alone != null) {
            found.add(blame(alone, settings, option.getKey()));
          }
        }
        // Nothing refused alone: it is the combination (say, memory for these CPUs).
        refusals.addAll(found.isEmpty() ? List.of(Refusals.explain(refused, settings)) : found);
      }
      if (refusals.size() == 1) {
        throw refusals.get(0);
      }
      if (!refusals.isEmpty()) {
        throw combined(refusals);
      }
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** SLURM's refusal of a one-task array with these options, or {@code null} if it takes it. */
  private ConfigException test(Path dir, SlurmSettings settings, List<String> options)
      throws IOException {
    List<String> header = new ArrayList<>(ArrayScript.header(dir, settings, 1).subList(0, 3));
    header.addAll(options);
    StringBuilder text = new StringBuilder("#!/bin/bash\n");
    for (String option : header) {
      text.append("#SBATCH ").append(ShellText.sbatchOption(option)).append('\n');
    }
    Path script = Files.writeString(dir.resolve("check.sh"), text.append("true\n"));
    try {
      client.validate(script, List.of());
      return null;
    } catch (ConfigException refused) {
      if (!refused.getMessage().startsWith("SLURM refused")) {
        throw refused;
      }
      return refused;
    }
  }

  private static ConfigException blame(
      ConfigException refusal, SlurmSettings settings, SlurmKey key) {
    String shown =
        key == SlurmKey.ADDITIONAL_PARAMETERS
            ? key.path() + "=" + settings.additionalParameters()
            : settings.shown(key);
    return new ConfigException(
        refusal.getMessage() + "\n  caused by " + shown,
        settings.origin(key),
        "see what the cluster offers: sinfo -o '%P %c %m %G %f' lists"
            + " each partition's CPUs, memory (MB), GPUs (gres) and features",
        refusal);
  }

  private static ConfigException combined(List<ConfigException> refusals) {
    StringBuilder text = new StringBuilder("SLURM would refuse " + refusals.size() + " settings:");
    for (ConfigException e : refusals) {
      text.append("\n  - ")
          .append(String.join("\n    ", e.getMessage().lines().map(String::strip).toList()));
      if (e.origin() != null) {
        text.append("\n    at ").append(e.origin());
      }
    }
    Origin first = refusals.get(0).origin();
    return new ConfigException(text.toString(), first, refusals.get(0).hint());
  }
}
