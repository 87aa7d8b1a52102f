package dev.hydra4j.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The samplers on synthetic objectives with fixed seeds: TPE must find the optimum's region. */
class SamplerTest {

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double[] bests(Objectives.Problem problem, int trials, boolean tpe) {
    double[] out = new double[7];
    for (int seed = 0; seed < out.length; seed++) {
      Sampler s = tpe ? Objectives.tpe(seed) : new RandomSampler(seed);
      out[seed] = Objectives.bestOf(s, problem, trials);
    }
    return out;
  }

  @Test
  void tpeGetsCloseToBraninsMinimum() {
    Objectives.Problem branin = Objectives.branin();
    double median = median(bests(branin, 100, true));
    assertTrue(median - branin.optimum() < 0.15, "median best " + median);
  }

  @Test
  void tpeBeatsRandomSearchOnHartmann6() {
    Objectives.Problem h6 = Objectives.hartmann6();
    double tpe = median(bests(h6, 80, true));
    double random = median(bests(h6, 80, false));
    assertTrue(tpe < random - 0.3, "tpe " + tpe + ", random " + random);
    assertTrue(tpe < -2.5, "tpe " + tpe);
  }

  @Test
  void multivariateTpeBeatsIndependentTpeWhereParametersInteract() {
    Objectives.Problem h6 = Objectives.hartmann6();
    double[] joint = new double[7];
    double[] independent = new double[7];
    for (int seed = 0; seed < 7; seed++) {
      joint[seed] = Objectives.bestOf(Objectives.tpe(seed), h6, 80);
      independent[seed] = Objectives.bestOf(Objectives.independentTpe(seed), h6, 80);
    }
    assertTrue(
        median(joint) < median(independent),
        "multivariate " + median(joint) + ", independent " + median(independent));
  }

  @Test
  void tpeFindsALogScaledLearningRate() {
    Objectives.Problem q = Objectives.noisyQuadratic();
    Sampler tpe = Objectives.tpe(3);
    List<Trial> trials = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      Map<String, Object> p = tpe.suggest(q.space(), n, trials);
      trials.add(Trial.running(n, p).ended(TrialState.COMPLETE, List.of(q.f().applyAsDouble(p))));
    }
    Trial best = Objectives.minimize().bestFirst(trials).get(0);
    double lr = (Double) best.params().get("lr");
    assertTrue(lr > 1e-4 && lr < 1e-2, "best lr " + lr);
    // The last 20 suggestions concentrate: most of them within a decade of the optimum,
    // where a uniform draw over six decades would put about a sixth.
    long near =
        trials.subList(40, 60).stream()
            .filter(t -> Math.abs(Math.log10((Double) t.params().get("lr")) + 3) < 1)
            .count();
    assertTrue(near >= 10, near + " of 20 near");
  }

  @Test
  void sameSeedAndHistoryGiveTheSameSuggestion() {
    Objectives.Problem q = Objectives.noisyQuadratic();
    List<Trial> history = new ArrayList<>();
    for (int n = 0; n < 15; n++) {
      Map<String, Object> p = new RandomSampler(9).suggest(q.space(), n, history);
      history.add(Trial.running(n, p).ended(TrialState.COMPLETE, List.of(q.f().applyAsDouble(p))));
    }
    Map<String, Object> a = Objectives.tpe(5).suggest(q.space(), 15, history);
    Map<String, Object> b = Objectives.tpe(5).suggest(q.space(), 15, List.copyOf(history));
    Map<String, Object> c = Objectives.tpe(6).suggest(q.space(), 15, history);
    assertEquals(a, b);
    assertTrue(!a.equals(c), "another seed, another suggestion");
  }

  @Test
  void valuesStayInsideTheirDistributions() {
    SearchSpace space =
        Objectives.space(
            "w=int(interval(16,256))",
            "lr=tag(log,interval(1e-5,1e-1))",
            "o=choice(sgd,adam)",
            "k=range(2,20,3)",
            "f=range(0.5,1.5,0.25)");
    List<Trial> history = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      Sampler s = n < 20 ? new RandomSampler(1) : Objectives.tpe(1);
      Map<String, Object> p = s.suggest(space, n, history);
      long w = (Long) p.get("w");
      double lr = (Double) p.get("lr");
      long k = (Long) p.get("k");
      double f = (Double) p.get("f");
      assertTrue(w >= 16 && w <= 256, "w " + w);
      assertTrue(lr >= 1e-5 && lr <= 1e-1, "lr " + lr);
      assertTrue(Set.of("sgd", "adam").contains(p.get("o")), "o " + p.get("o"));
      assertTrue(k >= 2 && k <= 17 && (k - 2) % 3 == 0, "k " + k);
      assertTrue(Set.of(0.5, 0.75, 1.0, 1.25).contains(f), "f " + f);
      history.add(Trial.running(n, p).ended(TrialState.COMPLETE, List.of((double) w)));
    }
  }

  @Test
  void gridCoversEveryCombinationOnce() {
    SearchSpace space = Objectives.space("a=choice(x,y,z)", "b=range(1,5)");
    GridSampler grid = new GridSampler(4);
    assertEquals(12, grid.capacity(space));
    Set<Map<String, Object>> seen = new HashSet<>();
    for (int n = 0; n < 12; n++) {
      seen.add(grid.suggest(space, n, List.of()));
    }
    assertEquals(12, seen.size());
  }

  @Test
  void paretoFrontKeepsOnlyUndominatedTrials() {
    Directions d = new Directions(List.of(false, true));
    List<Trial> trials = new ArrayList<>();
    double[][] values = {{1, 1}, {2, 3}, {3, 3}, {0.5, 0.5}, {2, 2.5}};
    for (int i = 0; i < values.length; i++) {
      trials.add(
          Trial.running(i, Map.of())
              .ended(TrialState.COMPLETE, List.of(values[i][0], values[i][1])));
    }
    assertEquals(List.of(0, 1, 3), d.paretoFront(trials).stream().map(Trial::number).toList());
  }
}
