package dev.hydra4j.sweep;

import java.util.List;

/**
 * What hydra4j adds to Hydra's basic sweeper.
 *
 * @param zip groups of keys that advance together instead of forming a product ({@code --zip
 *     lr,batch_size})
 * @param filter an expression over each job's config; jobs where it is false are dropped
 * @param sample keep a random subset of this many jobs (0 = all)
 * @param seed the seed for {@code sample} and {@code shuffle(…)}
 * @param jobs an explicit list of grid positions such as {@code 3,5,7-9} (null = all)
 */
public record SweepOptions(
    List<List<String>> zip, String filter, int sample, long seed, String jobs) {

  public static final SweepOptions NONE = new SweepOptions(List.of(), null, 0, 0, null);

  public SweepOptions {
    zip = zip == null ? List.of() : zip.stream().map(List::copyOf).toList();
  }
}
