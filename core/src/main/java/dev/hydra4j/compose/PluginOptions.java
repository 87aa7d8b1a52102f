package dev.hydra4j.compose;

import dev.hydra4j.config.Origin;

/**
 * Options of Hydra's logging groups that only a Python plugin provides ({@code hydra/job_logging:
 * colorlog}). Logging is the task's business in hydra4j, so such a choice is recorded and skipped
 * with a notice instead of failing the composition of a tree written for Python Hydra.
 */
final class PluginOptions {

  private PluginOptions() {}

  static boolean isLoggingGroup(String group) {
    return group.equals("hydra/job_logging") || group.equals("hydra/hydra_logging");
  }

  /** The Python plugin that provides {@code group=option}, or {@code null}. */
  static String pythonPlugin(String group, String option) {
    if (group.equals("hydra/sweeper")) {
      return switch (option) {
        case "optuna" -> "hydra-optuna-sweeper";
        case "nevergrad" -> "hydra-nevergrad-sweeper";
        case "ax" -> "hydra-ax-sweeper";
        default -> null;
      };
    }
    if (group.equals("hydra/launcher")) {
      return switch (option) {
        case "joblib" -> "hydra-joblib-launcher";
        case "ray", "ray_aws" -> "hydra-ray-launcher";
        case "rq" -> "hydra-rq-launcher";
        case "submitit_local", "submitit_slurm" -> "hydra-submitit-launcher";
        default -> null;
      };
    }
    return null;
  }

  static String loggingNotice(String group, String option, Origin origin) {
    return "notice: "
        + group
        + "="
        + option
        + " ("
        + origin
        + ") comes from a Python"
        + " plugin; hydra4j leaves logging to the task and ignores it";
  }
}
