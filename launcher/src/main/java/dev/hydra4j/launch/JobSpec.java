package dev.hydra4j.launch;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.Origin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One job to run: a command as an argument vector, never a shell string, so a config value such as
 * {@code $(rm -rf ~)} reaches the task as those very characters.
 *
 * @param num the job number ({@code hydra.job.num})
 * @param jobDir the job's directory; its {@code .hydra/} is already written, and the launcher adds
 *     {@code status.json} and the logs there
 * @param argv the program and its arguments; the program is looked up on {@code PATH}
 * @param env variables added to (or replacing in) the launcher's own environment
 * @param workingDir the directory the command starts in
 * @param timeout the wall-time limit, or {@code null} for none
 * @param launcher the job's resolved {@code hydra.launcher} settings (a cluster launcher groups
 *     jobs whose resources differ); empty when not known
 */
public record JobSpec(
    int num,
    Path jobDir,
    List<String> argv,
    Map<String, String> env,
    Path workingDir,
    Duration timeout,
    ConfigMap launcher) {

  /** A job with no launcher settings of its own. */
  public JobSpec(
      int num,
      Path jobDir,
      List<String> argv,
      Map<String, String> env,
      Path workingDir,
      Duration timeout) {
    this(num, jobDir, argv, env, workingDir, timeout, ConfigMap.empty(Origin.BUILT_IN));
  }

  public JobSpec {
    Objects.requireNonNull(jobDir, "jobDir");
    Objects.requireNonNull(workingDir, "workingDir");
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("job " + num + " has an empty command");
    }
    env = env == null ? Map.of() : Map.copyOf(env);
    launcher = launcher == null ? ConfigMap.empty(Origin.BUILT_IN) : launcher;
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("job " + num + " timeout must be positive: " + timeout);
    }
  }
}
