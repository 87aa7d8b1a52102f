package dev.hydra4j.results;

import java.util.List;

/**
 * Mean, sample standard deviation and the half-width of a 95% confidence interval for the mean
 * (Student's t), of the values of one metric over a group of jobs — the seeds of one setting,
 * typically.
 */
record GroupStats(int n, double mean, Double std, Double ci95) {

  // t(0.975, df) for df = 1..30; beyond, a series around the normal quantile is exact enough.
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  /** The statistics of {@code values} (not empty); std and ci95 need two values. */
  static GroupStats of(List<Double> values) {
    int n = values.size();
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n < 2) {
      return new GroupStats(n, mean, null, null);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(squares / (n - 1));
    return new GroupStats(n, mean, std, t975(n - 1) * std / Math.sqrt(n));
  }

  static double t975(int df) {
    if (df <= T975.length) {
      return T975[df - 1];
    }
    double z = 1.959964;
    double z3 = z * z * z;
    return z + (z3 + z) / (4.0 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96.0 * df * df);
  }
}
