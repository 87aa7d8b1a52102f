package dev.hydra4j.execute;

import dev.hydra4j.run.StageLinks;
import dev.hydra4j.run.Upstream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What a pipeline stage's job reads of the stages before it, as values of its {@code hydra} node:
 * {@code hydra.upstream.<stage>.output_dir} (with {@code each}, the directory of the upstream job
 * with its own number; with {@code all}, the upstream stage's sweep directory) and {@code
 * hydra.upstream.<stage>.sweep_dir}. Config values and command words reach them as {@code
 * ${hydra:upstream.train.output_dir}}; they are fixed when the job is planned.
 */
final class StageInputs {

  /**
   * One upstream stage as planned.
   *
   * @param jobDirs its jobs' directories, absolute, by number
   */
  record Source(String stage, boolean each, Path sweepDir, Map<Integer, Path> jobDirs) {}

  private StageInputs() {}

  static IntFunction<Map<String, Object>> of(List<Source> sources) {
    if (sources.isEmpty()) {
      return num -> Map.of();
    }
    return num -> {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Source s : sources) {
        String prefix = "hydra.upstream." + s.stage() + ".";
        Path output = s.each() ? s.jobDirs().get(num) : s.sweepDir();
        if (output != null) {
          values.put(prefix + "output_dir", output.toString());
        }
        values.put(prefix + "sweep_dir", s.sweepDir().toString());
      }
      return values;
    };
  }

  /** The values of a stage already on disk, from its {@code stage.json} and upstream plans. */
  static IntFunction<Map<String, Object>> saved(Path sweepDir) {
    Upstream upstream = Upstream.of(sweepDir);
    if (upstream.isEmpty()) {
      return num -> Map.of();
    }
    List<Source> sources =
        upstream.links().stream()
            .map(
                (StageLinks.Link link) -> {
                  Path dir = upstream.dirOf(link);
                  return new Source(
                      link.stage(), link.each(), dir, SweepKill.jobDirs(SavedPlan.read(dir), dir));
                })
            .toList();
    return of(sources);
  }
}
