package dev.hydra4j.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The log files in a job directory, whoever writes them (the local launcher, or the SLURM script on
 * a node).
 */
public final class JobLogs {

  /** The task's standard output, byte for byte. */
  public static final String STDOUT = RunLayout.STDOUT;

  /** The task's standard error, byte for byte, plus hydra4j's own reason if it could not start. */
  public static final String STDERR = RunLayout.STDERR;

  /** Both streams line by line, in the order read, each line timestamped and tagged. */
  public static final String COMBINED = RunLayout.COMBINED_LOG;

  /**
   * The metrics a task wrote. Kept aside with the logs when a job runs again, so a retry that fails
   * cannot be credited with the metrics of the attempt before it.
   */
  public static final String METRICS = RunLayout.METRICS;

  /** The metrics a task logged over time, one JSON object per line; kept aside like METRICS. */
  public static final String METRICS_LOG = RunLayout.METRICS_SERIES;

  private static final String[] ALL = {STDOUT, STDERR, COMBINED, METRICS, METRICS_LOG};

  private JobLogs() {}

  /**
   * Keeps the logs and metrics of an earlier attempt before a new one starts: {@code stdout.log}
   * becomes {@code stdout.attempt<N>.log}, {@code metrics.json} becomes {@code
   * metrics.attempt<N>.json}, so a retry neither erases why the job failed nor inherits results it
   * did not produce. With {@code previousAttempt} 0 (unknown) old logs are left to be overwritten.
   */
  public static void keepPrevious(Path jobDir, int previousAttempt) throws IOException {
    if (previousAttempt < 1) {
      return;
    }
    for (String name : ALL) {
      int dot = name.lastIndexOf('.');
      String kept = name.substring(0, dot) + ".attempt" + previousAttempt + name.substring(dot);
      try {
        Files.move(jobDir.resolve(name), jobDir.resolve(kept), StandardCopyOption.REPLACE_EXISTING);
      } catch (NoSuchFileException e) {
        // that attempt did not get as far as this log
      }
    }
  }
}
