package dev.hydra4j.run;

import java.nio.file.Path;

/**
 * Every file name of a run's, a job's and a sweep's directory: the one place they are spelled, so
 * that the writer and every reader agree, and the layout can be read here at a glance.
 *
 * <pre>
 * multirun/DATE/TIME/            a sweep
 *   multirun.yaml plan.json run.json summary.json launcher.log launcher.json jobs.journal
 *   slurm.json study.jsonl meta.json results.csv curves.csv
 *   0/ 1/ …                      its jobs
 * multirun/DATE/TIME/            a pipeline: pipeline.json, and one sweep per stage
 *   train/ eval/ …               each with stage.json
 * outputs/DATE/TIME/             a single run: one job's directory, plus run.json
 *   .hydra/config.yaml .hydra/hydra.yaml .hydra/overrides.yaml .hydra/config.json
 *   status.json stdout.log stderr.log combined.log metrics.json metrics.jsonl git.diff
 * </pre>
 */
public final class RunLayout {

  /** A job's record of how it was composed: Hydra's output subdirectory. */
  public static final String HYDRA_DIR = ".hydra";

  /** In {@link #HYDRA_DIR}: the job's config, as Hydra writes it. */
  public static final String CONFIG = "config.yaml";

  /** In {@link #HYDRA_DIR}: the {@code hydra} node of the job's config. */
  public static final String HYDRA_CONFIG = "hydra.yaml";

  /** In {@link #HYDRA_DIR}: the job's overrides. */
  public static final String OVERRIDES = "overrides.yaml";

  /** In {@link #HYDRA_DIR}: the job's config as JSON, for tasks without a YAML reader. */
  public static final String CONFIG_JSON = "config.json";

  public static final String STATUS = "status.json";
  public static final String STDOUT = "stdout.log";
  public static final String STDERR = "stderr.log";
  public static final String COMBINED_LOG = "combined.log";

  /** A job's final metrics, written by the task. */
  public static final String METRICS = "metrics.json";

  /** A job's metrics over time, one JSON object per line, appended by the task. */
  public static final String METRICS_SERIES = "metrics.jsonl";

  public static final String GIT_DIFF = "git.diff";

  /** A sweep's base config (Hydra's name). */
  public static final String MULTIRUN = "multirun.yaml";

  /** A sweep's jobs and how to rebuild them: what resume, rerun and status read. */
  public static final String PLAN = "plan.json";

  /** Who ran what, where, with which git state: a sweep's or a single run's. */
  public static final String RUN_RECORD = "run.json";

  public static final String SUMMARY = "summary.json";
  public static final String LAUNCHER_LOG = "launcher.log";

  /** The local launcher's process while it runs, for kill from another shell. */
  public static final String LAUNCHER_PROCESS = "launcher.json";

  /** A sweep's checksummed log of job state transitions. */
  public static final String JOURNAL = "jobs.journal";

  /** The SLURM arrays a sweep was submitted as. */
  public static final String SLURM_SUBMISSIONS = "slurm.json";

  /** An adaptive sweep's trials and their values. */
  public static final String STUDY = "study.jsonl";

  /** A run's or sweep's name, tags and notes. */
  public static final String META = "meta.json";

  /** What {@code collect} and the report export next to a sweep. */
  public static final String RESULTS_CSV = "results.csv";

  public static final String CURVES_CSV = "curves.csv";

  /** A pipeline stage's name and the stages it waits for ({@link StageLinks}). */
  public static final String STAGE = "stage.json";

  /** A pipeline directory's stages in launch order, each a sweep in a subdirectory. */
  public static final String PIPELINE = "pipeline.json";

  private RunLayout() {}

  /** A file of the job's {@link #HYDRA_DIR}. */
  public static Path hydraFile(Path jobDir, String name) {
    return jobDir.resolve(HYDRA_DIR).resolve(name);
  }
}
