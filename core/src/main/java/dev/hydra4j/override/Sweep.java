package dev.hydra4j.override;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** A value that stands for several jobs' values. */
public sealed interface Sweep extends OverrideValue
    permits ChoiceSweep, RangeSweep, IntervalSweep, GlobSweep {

  /** Labels from {@code tag(...)}, for sweepers that use them. */
  List<String> tags();

  /**
   * The values this sweep hands to jobs, in order.
   *
   * @param groupOptions the options of the config group the override names, or {@code null} when
   *     its key is not a config group; only {@code glob} reads them
   * @throws dev.hydra4j.config.ConfigException for sweeps that cannot be listed: intervals, globs
   *     over a non-group, choices holding other sweeps
   */
  default List<SweepItem> expand(List<String> groupOptions) {
    return expand(groupOptions, ThreadLocalRandom.current());
  }

  /** As {@link #expand(List)}, drawing the order of a {@code shuffle} from {@code random}. */
  List<SweepItem> expand(List<String> groupOptions, RandomGenerator random);
}
