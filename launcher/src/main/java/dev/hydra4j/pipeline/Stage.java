package dev.hydra4j.pipeline;

import dev.hydra4j.config.Origin;
import java.util.List;

/**
 * One stage of a pipeline: a sweep of its own, in its own directory under the pipeline's.
 *
 * @param name the stage's name, also its directory's
 * @param overrides its overrides, after the command line's (sweeps and {@code hydra/launcher}
 *     settings allowed)
 * @param command its command, or empty for the command line's (after {@code --}) or {@code
 *     hydra.job.command}
 * @param dependsOn the stages it runs after
 * @param origin where it was declared
 */
public record Stage(
    String name,
    List<String> overrides,
    List<String> command,
    List<Dependency> dependsOn,
    Origin origin) {

  public Stage {
    overrides = List.copyOf(overrides);
    command = List.copyOf(command);
    dependsOn = List.copyOf(dependsOn);
  }
}
