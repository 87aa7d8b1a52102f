package dev.hydra4j.sweep;

import dev.hydra4j.override.ParsedOverride;
import java.util.List;

/**
 * One job of a sweep: its number (its position in the full grid, so a job keeps its number whatever
 * is filtered out) and the overrides that make it, sweeps replaced by the job's values, in the
 * order Hydra writes them to {@code .hydra/overrides.yaml}.
 */
public record PlannedJob(int num, List<ParsedOverride> overrides) {

  public PlannedJob {
    overrides = List.copyOf(overrides);
  }

  /** The overrides as text, as in {@code .hydra/overrides.yaml}. */
  public List<String> texts() {
    return overrides.stream().map(ParsedOverride::input).toList();
  }
}
