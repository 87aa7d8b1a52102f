package dev.hydra4j.launch.slurm;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Array scripts written and started by bash on this machine, as SLURM starts one task. */
final class TaskScripts {

  /** An array job id SLURM never hands out, so no scontrol here can touch a real job. */
  static final String NO_SUCH_ARRAY = "99999999";

  private TaskScripts() {}

  /** Job {@code num} of the sweep {@code dir/sweep}, with these launcher settings (YAML). */
  static JobSpec job(Path dir, int num, String settings, List<String> argv, Map<String, String> env)
      throws IOException {
    Path jobDir = Files.createDirectories(dir.resolve("sweep").resolve(String.valueOf(num)));
    return new JobSpec(num, jobDir, argv, env, dir, null, SlurmSettingsTest.yaml(settings));
  }

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

  /** Renders {@code sweep/array-001.sh} for these jobs, each on its first attempt. */
  static Path writeJobs(Path sweep, String settings, List<JobSpec> jobs) throws IOException {
    List<ArrayScript.Task> tasks = new ArrayList<>();
    jobs.forEach(j -> tasks.add(new ArrayScript.Task(j, 0)));
    return write(sweep, settings, tasks);
  }

  /** Starts task {@code task} of the array {@link #NO_SUCH_ARRAY}. */
  static Process startUnknown(Path script, int task, Map<String, String> env) throws IOException {
    return start(script, task, NO_SUCH_ARRAY, NO_SUCH_ARRAY, env);
  }

  /** Runs task {@code task} of the array {@link #NO_SUCH_ARRAY} to its end; its exit code. */
  static int runUnknown(Path script, int task, Map<String, String> env) throws Exception {
    Process p = startUnknown(script, task, env);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("task " + task + " did not end");
    }
    return p.exitValue();
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

  static void awaitState(JobSpec job, JobState state) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(StatusFile.path(job.jobDir()))
          && StatusFile.read(job.jobDir(), job.num()).state() == state) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + job.num() + " never reached " + state);
  }
}
