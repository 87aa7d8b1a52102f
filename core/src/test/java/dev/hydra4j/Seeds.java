package dev.hydra4j;

import java.util.Random;

/**
 * The seed of a property test: {@code -Dhydra4j.seed=N} replays a run; under {@code CI=true} every
 * run uses one fixed seed, so that a red build is the change's doing, not the draw's; elsewhere
 * each run draws a new one, so that developers' runs keep exploring.
 */
public final class Seeds {

  private static final long CI_SEED = 20_261_207L;

  private Seeds() {}

  public static long seed() {
    String given = System.getProperty("hydra4j.seed");
    if (given != null) {
      return Long.parseLong(given);
    }
    return "true".equals(System.getenv("CI")) ? CI_SEED : new Random().nextLong();
  }
}
