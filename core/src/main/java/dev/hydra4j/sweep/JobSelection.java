package dev.hydra4j.sweep;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Narrows a grid to the jobs to run: an explicit list, then a filter, then a sample. */
final class JobSelection {

  private JobSelection() {}

  /** Grid positions to run, ascending, or {@code null} for the whole grid. */
  static int[] select(SweepPlan plan, Composer composer, String configName, SweepOptions options) {
    int[] chosen = null;
    if (options.sample() < 0) {
      throw new ConfigException(
          "--sample must be a positive number of jobs, not " + options.sample(),
          Origin.of("--sample " + options.sample()),
          "e.g. --sample 20 runs 20 jobs of the grid, chosen by --seed");
    }
    if (options.jobs() != null && !options.jobs().isBlank()) {
      chosen = parseList(options.jobs(), plan.gridSize());
    }
    if (options.filter() != null && !options.filter().isBlank()) {
      JobFilter filter = JobFilter.compile(options.filter());
      int[] candidates = chosen != null ? chosen : plan.numbers();
      int[] kept = new int[candidates.length];
      int n = 0;
      for (int num : candidates) {
        ConfigMap config =
            composer
                .compose(configName, plan.jobAt(num).overrides(), RunMode.MULTIRUN)
                .resolvedJobConfig();
        if (filter.test(config)) {
          kept[n++] = num;
        }
      }
      if (n == 0) {
        // An empty sweep would make an empty sweep directory and exit 0: surely a mistake.
        throw new ConfigException(
            "The filter '"
                + options.filter()
                + "' keeps none of the "
                + candidates.length
                + " jobs",
            Origin.of("--filter " + options.filter()),
            "compare it with the jobs' values: add --dry-run and leave out --filter");
      }
      chosen = Arrays.copyOf(kept, n);
    }
    if (options.sample() > 0) {
      int[] candidates = chosen != null ? chosen : plan.numbers();
      if (options.sample() < candidates.length) {
        chosen = sample(candidates, options.sample(), options.seed());
      }
    }
    return chosen;
  }

  /** {@code 3,5,7-9} into sorted, distinct grid positions. */
  static int[] parseList(String text, long gridSize) {
    TreeSet<Integer> nums = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw new ConfigException(
            "The job list '" + text + "' has an empty entry",
            Origin.of("--jobs " + text),
            "write job numbers and ranges, e.g. --jobs 3,5,7-9");
      }
      try {
        int dash = p.indexOf('-', 1);
        int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
        int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
        if (from < 0 || to >= gridSize || from > to) {
          throw new ConfigException(
              "Job range '" + p + "' is outside the sweep's 0-" + (gridSize - 1),
              Origin.of("--jobs " + text),
              "the sweep has " + gridSize + " jobs, numbered 0 to " + (gridSize - 1));
        }
        for (int i = from; i <= to; i++) {
          nums.add(i);
        }
      } catch (NumberFormatException e) {
        throw new ConfigException(
            "Cannot read job list '" + text + "' at '" + p + "'",
            Origin.of("--jobs " + text),
            "write job numbers and ranges, e.g. --jobs 3,5,7-9");
      }
    }
    return nums.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] sample(int[] candidates, int count, long seed) {
    List<Integer> pool = new ArrayList<>(candidates.length);
    for (int c : candidates) {
      pool.add(c);
    }
    java.util.Collections.shuffle(pool, new Random(seed));
    int[] out = pool.subList(0, count).stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
