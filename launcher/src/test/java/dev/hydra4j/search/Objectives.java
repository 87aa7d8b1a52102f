package dev.hydra4j.search;

import dev.hydra4j.override.OverrideParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Standard synthetic objectives (minimized) with their search spaces, and an in-process study loop:
 * the sampler suggests, the objective is evaluated, the trial is recorded. Shared by the sampler
 * tests and bench/sweeper.sh (through {@link SamplerBench}).
 */
final class Objectives {

  /**
   * @param truth the objective without noise, by which a study's best trial is judged (for a
   *     noiseless problem, {@code f} itself)
   */
  record Problem(
      String name,
      SearchSpace space,
      ToDoubleFunction<Map<String, Object>> f,
      ToDoubleFunction<Map<String, Object>> truth,
      double optimum) {
    Problem(
        String name, SearchSpace space, ToDoubleFunction<Map<String, Object>> f, double optimum) {
      this(name, space, f, f, optimum);
    }
  }

  private Objectives() {}

  static SearchSpace space(String... overrides) {
    List<dev.hydra4j.override.ParsedOverride> parsed = new ArrayList<>();
    for (String o : overrides) {
      parsed.add(OverrideParser.parse(o));
    }
    return SearchSpace.of(parsed);
  }

  static double x(Map<String, Object> p, String name) {
    return ((Number) p.get(name)).doubleValue();
  }

  /** Branin on [-5,10]x[0,15]; minimum 0.397887 at three points. */
  static Problem branin() {
    return new Problem(
        "branin",
        space("x1=interval(-5,10)", "x2=interval(0,15)"),
        p -> {
          double x1 = x(p, "x1");
          double x2 = x(p, "x2");
          double b = 5.1 / (4 * Math.PI * Math.PI);
          double c = 5 / Math.PI;
          double t = 1 / (8 * Math.PI);
          return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
        },
        0.397887);
  }

  private static final double[][] H6_A = {
    {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] H6_P = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };
  private static final double[] H6_ALPHA = {1.0, 1.2, 3.0, 3.2};

  /** Hartmann-6 on [0,1]^6; minimum -3.32237. */
  static Problem hartmann6() {
    String[] o = new String[6];
    for (int i = 0; i < 6; i++) {
      o[i] = "x" + i + "=interval(0,1)";
    }
    return new Problem(
        "hartmann6",
        space(o),
        p -> {
          double sum = 0;
          for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
              double d = x(p, "x" + j) - H6_P[i][j];
              inner += H6_A[i][j] * d * d;
            }
            sum += H6_ALPHA[i] * Math.exp(-inner);
          }
          return -sum;
        },
        -3.32237);
  }

  /**
   * A quadratic in log10(lr) (best at lr=1e-3) and in a width (best at 64 of 16..256, int) with a
   * choice of optimizer, plus Gaussian noise seeded by the values: the same point always gives the
   * same noisy value. Minimum about 0 (noise aside).
   */
  static Problem noisyQuadratic() {
    ToDoubleFunction<Map<String, Object>> truth =
        p -> {
          double a = Math.log10(x(p, "lr")) + 3;
          double b = (x(p, "width") - 64) / 64;
          double c = "adam".equals(p.get("opt")) ? 0 : 0.5;
          return a * a + b * b + c;
        };
    return new Problem(
        "noisy-quadratic",
        space(
            "lr=tag(log,interval(1e-6,1))",
            "width=int(interval(16,256))",
            "opt=choice(sgd,adam,rmsprop)"),
        p -> {
          long key =
              Double.doubleToLongBits(x(p, "lr")) * 31
                  + (long) x(p, "width")
                  + p.get("opt").hashCode();
          return truth.applyAsDouble(p) + 0.05 * gaussian(new SplittableRandom(key));
        },
        truth,
        0.0);
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /**
   * Runs {@code nTrials} trials one after the other; returns the noise-free value of the trial that
   * looked best (what a user would deploy).
   */
  static double bestOf(Sampler sampler, Problem problem, int nTrials) {
    List<Trial> trials = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    Map<String, Object> bestParams = null;
    for (int n = 0; n < nTrials; n++) {
      Map<String, Object> params = sampler.suggest(problem.space(), n, trials);
      double value = problem.f().applyAsDouble(params);
      trials.add(Trial.running(n, params).ended(TrialState.COMPLETE, List.of(value)));
      if (value < best) {
        best = value;
        bestParams = params;
      }
    }
    return problem.truth().applyAsDouble(bestParams);
  }

  static Directions minimize() {
    return new Directions(List.of(false));
  }

  /** TPE with hydra4j's defaults (multivariate). */
  static TpeSampler tpe(long seed) {
    return new TpeSampler(seed, 10, 24, TpeSampler.DEFAULT_GAMMA, 25, 1.0, true, true, minimize());
  }

  /** TPE with Optuna's default: each parameter on its own. */
  static TpeSampler independentTpe(long seed) {
    return new TpeSampler(seed, 10, 24, TpeSampler.DEFAULT_GAMMA, 25, 1.0, true, false, minimize());
  }
}
