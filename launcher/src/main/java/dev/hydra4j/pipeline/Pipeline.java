package dev.hydra4j.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline file, read and checked: its stages in launch order (every stage after the stages it
 * depends on; otherwise in the file's order).
 *
 * <pre>{@code
 * stages:
 *   train:
 *     overrides: [seed=range(4)]
 *   eval:
 *     depends_on: {train: each}
 *     overrides: [seed=range(4)]
 *     command: [python3, eval.py, "--checkpoint=${hydra:upstream.train.output_dir}/model.txt"]
 *   aggregate:
 *     depends_on: eval
 *     command: [python3, aggregate.py, "${hydra:upstream.eval.output_dir}"]
 * }</pre>
 */
public record Pipeline(List<Stage> stages) {

  public Pipeline {
    stages = List.copyOf(stages);
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws dev.hydra4j.config.ConfigException naming the file and line of the first problem
   */
  public static Pipeline read(Path file) {
    return PipelineFile.read(file);
  }

  /** The stage named {@code name}, or {@code null}. */
  public Stage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}
