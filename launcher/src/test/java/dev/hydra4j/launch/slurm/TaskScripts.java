package dev.hydra4j.launch.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Array scripts written and started by bash on this machine, as SLURM starts one task. */
final class TaskScripts {

  private TaskScripts() {}

  /** Renders {@code sweep/array-001.sh} for the tasks with these launcher settings (YAML). */
  static Path write(Path sweep, String settings, List<ArrayScript.Task> tasks) throws IOException {
    String text =
        ArrayScript.render(
            "array-001",
            sweep,
            sweep.resolve("slurm/array-001"),
            SlurmSettings.parse(SlurmSettingsTest.yaml(settings)),
            tasks,
            null);
    return Files.writeString(sweep.resolve("array-001.sh"), text);
  }

  /** Starts array task {@code task}; its output goes to {@code task-N.out} beside the script. */
  static Process start(
      Path script, int task, String arrayJobId, String jobId, Map<String, String> env)
      throws IOException {
    ProcessBuilder b =
        new ProcessBuilder("bash", script.toString())
            .redirectOutput(script.resolveSibling("task-" + task + ".out").toFile())
            .redirectErrorStream(true);
    b.environment().put("SLURM_ARRAY_TASK_ID", String.valueOf(task));
    b.environment().put("SLURM_ARRAY_JOB_ID", arrayJobId);
    b.environment().put("SLURM_JOB_ID", jobId);
    b.environment().remove("SLURM_RESTART_COUNT");
    b.environment().remove("CUDA_VISIBLE_DEVICES");
    b.environment().putAll(env);
    return b.start();
  }

  static void awaitLine(Path log, String line) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(log) && Files.readAllLines(log).contains(line)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(log + " never got the line " + line);
  }
}
