package dev.hydra4j.search;

import java.util.ArrayList;
import java.util.List;

/** Whether each objective is minimized or maximized; losses are lower-is-better. */
record Directions(List<Boolean> maximize) {

  Directions {
    maximize = List.copyOf(maximize);
  }

  int size() {
    return maximize.size();
  }

  double loss(int objective, double value) {
    return maximize.get(objective) ? -value : value;
  }

  /** {@code a} dominates {@code b}: no worse in every objective, better in one. */
  boolean dominates(List<Double> a, List<Double> b) {
    boolean better = false;
    for (int i = 0; i < size(); i++) {
      double la = loss(i, a.get(i));
      double lb = loss(i, b.get(i));
      if (la > lb) {
        return false;
      }
      better |= la < lb;
    }
    return better;
  }

  /** The trials no other trial dominates, in number order. */
  List<Trial> paretoFront(List<Trial> completed) {
    List<Trial> front = new ArrayList<>();
    for (Trial t : completed) {
      boolean dominated = false;
      for (Trial other : completed) {
        if (other.number() != t.number() && dominates(other.values(), t.values())) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(t);
      }
    }
    return front;
  }

  /**
   * Trials ordered best first: by loss for one objective; for several, by non-dominated rank (the
   * Pareto front first, then the front of the rest, …), ties by summed rank.
   */
  List<Trial> bestFirst(List<Trial> completed) {
    List<Trial> sorted = new ArrayList<>(completed);
    if (size() == 1) {
      sorted.sort(java.util.Comparator.comparingDouble(t -> t.loss(this)));
      return sorted;
    }
    List<Trial> out = new ArrayList<>();
    while (!sorted.isEmpty()) {
      List<Trial> front = paretoFront(sorted);
      front.sort(java.util.Comparator.comparingDouble(this::lossSum));
      out.addAll(front);
      sorted.removeAll(front);
    }
    return out;
  }

  private double lossSum(Trial t) {
    double sum = 0;
    for (int i = 0; i < size(); i++) {
      sum += loss(i, t.values().get(i));
    }
    return sum;
  }
}
