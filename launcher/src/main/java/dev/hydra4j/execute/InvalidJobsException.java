package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;

/** Several jobs of a sweep cannot be composed or run; each is listed with its error. */
final class InvalidJobsException extends ConfigException {

  private final String detail;

  InvalidJobsException(int invalid, int total, String detail) {
    super(
        invalid + " of " + total + " jobs are invalid; nothing was run",
        Origin.of("the sweep"),
        "fix the values above, or drop them from the sweep");
    this.detail = detail.startsWith("\n") ? detail.substring(1) : detail;
  }

  @Override
  public String detail() {
    return detail;
  }
}
