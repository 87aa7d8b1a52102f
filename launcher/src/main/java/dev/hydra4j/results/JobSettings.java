package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every hyperparameter of a job for {@code export}: the scalar leaves of its resolved config
 * ({@code .hydra/config.json}, dotted names) and the option chosen for each config group ({@code
 * choice.experiment}), read from {@code .hydra/hydra.yaml} as hydra4j lays it out.
 */
final class JobSettings {

  static final String CHOICE = "choice.";
  private static final String CHOICES = "\n    choices:\n";

  private JobSettings() {}

  static Map<String, Object> read(Path jobDir) {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonNode config =
        RunFiles.json(jobDir.resolve(RunFiles.HYDRA_DIR).resolve(RunLayout.CONFIG_JSON));
    if (config != null && config.isObject()) {
      MetricsJson.flatten(config, "", out);
    }
    String hydra;
    try {
      hydra = Files.readString(jobDir.resolve(RunFiles.HYDRA_DIR).resolve(RunLayout.HYDRA_CONFIG));
    } catch (IOException e) {
      return out;
    }
    int at = hydra.indexOf(CHOICES);
    if (at < 0) {
      return out;
    }
    for (String line : hydra.substring(at + CHOICES.length()).split("\n")) {
      if (!line.startsWith("      ") || line.startsWith("       ")) {
        break;
      }
      int colon = line.indexOf(": ");
      String group = colon < 0 ? null : line.substring(6, colon).strip();
      if (group != null && !group.startsWith("hydra/")) {
        out.put(CHOICE + group, MetricValues.parse(line.substring(colon + 2)));
      }
    }
    return out;
  }
}
