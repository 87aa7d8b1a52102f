package dev.hydra4j.search;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses a trial's parameters from the trials so far. Every draw comes from a generator seeded by
 * the study's seed and the trial's number, so the same history always gives the same suggestion (a
 * resumed study suggests what the first launch would have).
 */
sealed interface Sampler permits RandomSampler, GridSampler, TpeSampler {

  /**
   * The parameters of trial {@code number}.
   *
   * @param history every trial so far, those still RUNNING included, in number order
   */
  Map<String, Object> suggest(SearchSpace space, int number, List<Trial> history);

  /** How many trials this sampler can tell apart, or {@code Integer.MAX_VALUE}. */
  default int capacity(SearchSpace space) {
    return Integer.MAX_VALUE;
  }

  static SplittableRandom random(long seed, int number) {
    // Hash twice: SplittableRandom(s) and SplittableRandom(s + 1) give the same stream shifted
    // by one draw, so seeds or numbers must not simply be added.
    long h = new SplittableRandom(seed).nextLong();
    return new SplittableRandom(new SplittableRandom(h + number).nextLong());
  }
}
