package dev.hydra4j.execute;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.config.ConfigMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One job, composed, resolved and checked, but not yet written to disk.
 *
 * @param num the job number
 * @param jobDir where its files go
 * @param composition the job's composition, {@code hydra} values filled in
 * @param config the job's resolved config (what the task reads)
 * @param hydra the resolved {@code hydra} node
 * @param argv the command, each word resolved on its own
 * @param env variables for the task
 * @param workingDir where the command starts ({@code hydra.job.chdir})
 * @param timeout the launcher's time limit, or {@code null}
 * @param launcher the resolved {@code hydra.launcher} node
 */
record PreparedJob(
    int num,
    Path jobDir,
    Composition composition,
    ConfigMap config,
    ConfigMap hydra,
    List<String> argv,
    Map<String, String> env,
    Path workingDir,
    Duration timeout,
    ConfigMap launcher) {}
