package dev.hydra4j.compose;

import dev.hydra4j.config.Origin;

/**
 * Options of Hydra's logging groups that only a Python plugin provides
 * ({@code hydra/job_logging: colorlog}). Logging is the task's business in hydra4j, so
 * such a choice is recorded and skipped with a notice instead of failing the composition
 * of a tree written for Python Hydra.
 */
final class PluginOptions {

  private PluginOptions() {}

  static boolean isLoggingGroup(String group) {
    return group.equals("hydra/job_logging") || group.equals("hydra/hydra_logging");
  }

  static String loggingNotice(String group, String option, Origin origin) {
    return "notice: " + group + "=" + option + " (" + origin + ") comes from a Python"
        + " plugin; hydra4j leaves logging to the task and ignores it";
  }
}
