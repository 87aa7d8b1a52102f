package dev.hydra4j.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional mixture of normal kernels truncated to [low, high]: one kernel per observation
 * plus a broad prior kernel at the centre. A kernel's width is the larger gap to its neighbours,
 * kept between (high-low)/min(100, n+2) and high-low, so that a dense cluster still explores and a
 * lone point does not spread over everything.
 */
final class ParzenEstimator {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private final double low;
  private final double high;
  private final double[] mus;
  private final double[] sigmas;
  private final double[] logWeights;
  private final double[] cumulative;

  /**
   * @param observations values in the internal coordinate
   * @param weights one per observation (older trials may weigh less)
   */
  ParzenEstimator(
      double[] observations, double[] weights, double low, double high, double priorWeight) {
    this.low = low;
    this.high = high;
    int n = observations.length;
    double span = high - low;
    double[] points = Arrays.copyOf(observations, n + 1);
    points[n] = (low + high) / 2;
    double[] w = Arrays.copyOf(weights, n + 1);
    w[n] = priorWeight;
    Integer[] order = new Integer[n + 1];
    for (int i = 0; i <= n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(points[a], points[b]));
    double[] sigma = new double[n + 1];
    double minSigma = span / Math.min(100.0, n + 4.0);
    for (int k = 0; k <= n; k++) {
      int i = order[k];
      double left = k > 0 ? points[i] - points[order[k - 1]] : 0;
      double right = k < n ? points[order[k + 1]] - points[i] : 0;
      double s = Math.max(left, right);
      sigma[i] = Math.min(span, Math.max(minSigma, s));
    }
    sigma[n] = span;
    this.mus = points;
    this.sigmas = sigma;
    double total = 0;
    for (double x : w) {
      total += x;
    }
    this.logWeights = new double[n + 1];
    this.cumulative = new double[n + 1];
    double run = 0;
    for (int i = 0; i <= n; i++) {
      logWeights[i] = Math.log(w[i] / total);
      run += w[i] / total;
      cumulative[i] = run;
    }
  }

  double sample(SplittableRandom random) {
    return sampleKernel(component(random.nextDouble()), random);
  }

  /** The kernel a uniform draw {@code u} falls on, by the kernels' weights. */
  int component(double u) {
    int k = 0;
    while (k < cumulative.length - 1 && cumulative[k] < u) {
      k++;
    }
    return k;
  }

  /** Log-weight of kernel {@code k} (the prior is the last). */
  double logWeight(int k) {
    return logWeights[k];
  }

  /** A draw from kernel {@code k} alone, inside [low, high]. */
  double sampleKernel(int k, SplittableRandom random) {
    for (int attempt = 0; attempt < 100; attempt++) {
      double x = mus[k] + sigmas[k] * gaussian(random);
      if (x >= low && x <= high) {
        return x;
      }
    }
    return Math.min(high, Math.max(low, mus[k]));
  }

  double logDensity(double x) {
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[mus.length];
    for (int k = 0; k < mus.length; k++) {
      terms[k] = logWeights[k] + logKernel(k, x);
      max = Math.max(max, terms[k]);
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }

  /** Log-density of kernel {@code k} alone (truncated to [low, high]) at {@code x}. */
  double logKernel(int k, double x) {
    double z = (x - mus[k]) / sigmas[k];
    double mass = phi((high - mus[k]) / sigmas[k]) - phi((low - mus[k]) / sigmas[k]);
    return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigmas[k]) - Math.log(Math.max(mass, 1e-300));
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** The standard normal distribution function. */
  static double phi(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** Complementary error function, Chebyshev fit with fractional error below 1.2e-7. */
  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
