package dev.hydra4j.search;

import java.util.Arrays;

/**
 * bench/sweeper.sh's in-process runner (not a test): prints one line per problem and seed, {@code
 * problem sampler seed best}, best being the noise-free value of the trial that looked best. {@code
 * tpe} is hydra4j's default (multivariate), {@code tpe-independent} Optuna's.
 *
 * <pre>java -cp … dev.hydra4j.search.SamplerBench TRIALS SEEDS [tpe|tpe-independent|random]</pre>
 */
public final class SamplerBench {

  private SamplerBench() {}

  public static void main(String[] args) {
    int trials = Integer.parseInt(args[0]);
    int seeds = Integer.parseInt(args[1]);
    String kind = args.length > 2 ? args[2] : "tpe";
    for (Objectives.Problem problem :
        Arrays.asList(Objectives.branin(), Objectives.hartmann6(), Objectives.noisyQuadratic())) {
      for (int seed = 0; seed < seeds; seed++) {
        Sampler sampler =
            kind.equals("random")
                ? new RandomSampler(seed)
                : kind.equals("tpe-independent")
                    ? Objectives.independentTpe(seed)
                    : Objectives.tpe(seed);
        System.out.println(
            problem.name()
                + " "
                + kind
                + " "
                + seed
                + " "
                + Objectives.bestOf(sampler, problem, trials));
      }
    }
  }
}
