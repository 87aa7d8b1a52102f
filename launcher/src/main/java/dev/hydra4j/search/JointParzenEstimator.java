package dev.hydra4j.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A Parzen estimator over all parameters at once (multivariate TPE): kernel k is the product of
 * trial k's kernels in every dimension, so a draw keeps the parameters of one good trial together
 * (what matters when parameters interact, as in Branin or Hartmann-6). Numeric dimensions use the
 * widths of {@link ParzenEstimator}; a choice's kernel puts most of its mass on the trial's value,
 * {@code priorWeight/(n+1)} on every choice.
 */
final class JointParzenEstimator {

  private final List<SearchSpace.Param> params;
  private final List<Object> dims = new ArrayList<>();
  private final ParzenEstimator weights;
  private final int kernels;

  JointParzenEstimator(
      List<SearchSpace.Param> params, List<Trial> trials, double[] weights, double priorWeight) {
    this.params = params;
    int n = trials.size();
    this.kernels = n + 1;
    for (SearchSpace.Param p : params) {
      Distribution d = p.distribution();
      if (d instanceof Distribution.Categorical c) {
        dims.add(categorical(c, p.name(), trials, priorWeight));
      } else {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
          xs[i] = Distribution.toInternal(d, trials.get(i).params().get(p.name()));
        }
        double[] b = Distribution.internalBounds(d);
        dims.add(new ParzenEstimator(xs, weights, b[0], b[1], priorWeight));
      }
    }
    // The kernels' weights, shared by every dimension: one estimator carries them.
    double[] b = {0, 1};
    this.weights = new ParzenEstimator(new double[n], weights, b[0], b[1], priorWeight);
  }

  /** A point: internal coordinates for numbers, the choice's index for choices. */
  double[] sample(SplittableRandom random) {
    int k = weights.component(random.nextDouble());
    double[] x = new double[dims.size()];
    for (int d = 0; d < x.length; d++) {
      if (dims.get(d) instanceof ParzenEstimator pe) {
        x[d] = pe.sampleKernel(k, random);
      } else {
        double[] p = ((double[][]) dims.get(d))[k];
        double u = random.nextDouble();
        int i = 0;
        for (double run = p[0]; run < u && i < p.length - 1; run += p[++i]) {
          // walk to the choice u falls on
        }
        x[d] = i;
      }
    }
    return x;
  }

  double logDensity(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[kernels];
    for (int k = 0; k < kernels; k++) {
      double t = weights.logWeight(k);
      for (int d = 0; d < x.length; d++) {
        t +=
            dims.get(d) instanceof ParzenEstimator pe
                ? pe.logKernel(k, x[d])
                : Math.log(((double[][]) dims.get(d))[k][(int) x[d]]);
      }
      terms[k] = t;
      max = Math.max(max, t);
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }

  Object value(int d, double x) {
    Distribution dist = params.get(d).distribution();
    return dist instanceof Distribution.Categorical c
        ? c.choices().get((int) x).value()
        : Distribution.fromInternal(dist, x);
  }

  /** Row k: kernel k's probability of each choice; the last row is the uniform prior. */
  private static double[][] categorical(
      Distribution.Categorical c, String name, List<Trial> trials, double priorWeight) {
    int choices = c.choices().size();
    int n = trials.size();
    double smoothing = priorWeight / (n + 1);
    double[][] rows = new double[n + 1][choices];
    for (int k = 0; k < n; k++) {
      Object v = trials.get(k).params().get(name);
      for (int i = 0; i < choices; i++) {
        boolean own = Objects.equals(c.choices().get(i).value(), v);
        rows[k][i] = ((own ? 1 : 0) + smoothing) / (1 + choices * smoothing);
      }
    }
    java.util.Arrays.fill(rows[n], 1.0 / choices);
    return rows;
  }
}
