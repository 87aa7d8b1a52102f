package dev.hydra4j.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The pruning rules on hand-made curves (lower is better unless said otherwise). */
class PrunerTest {

  private static Trial trial(int number, TrialState state, double... curve) {
    TreeMap<Long, Double> steps = new TreeMap<>();
    for (int i = 0; i < curve.length; i++) {
      steps.put((long) i + 1, curve[i]);
    }
    Trial t = Trial.running(number, Map.of()).withIntermediate(steps);
    return state == TrialState.RUNNING ? t : t.ended(state, List.of(curve[curve.length - 1]));
  }

  private static List<Trial> completed() {
    List<Trial> out = new ArrayList<>();
    out.add(trial(0, TrialState.COMPLETE, 1.0, 0.8, 0.6, 0.5));
    out.add(trial(1, TrialState.COMPLETE, 1.2, 1.0, 0.9, 0.8));
    out.add(trial(2, TrialState.COMPLETE, 0.9, 0.7, 0.5, 0.4));
    return out;
  }

  @Test
  void medianRuleStopsATrialWorseThanTheMedianAtItsStep() {
    Pruner median = new Pruner.Median(3, 1, false);
    // At step 2 the completed trials' best values are 0.8, 1.0, 0.7: the median is 0.8.
    assertTrue(median.shouldPrune(trial(9, TrialState.RUNNING, 1.5, 0.95), completed()));
    assertFalse(median.shouldPrune(trial(9, TrialState.RUNNING, 1.5, 0.75), completed()));
    // Not before the warm-up step, nor before enough trials completed.
    assertFalse(median.shouldPrune(trial(9, TrialState.RUNNING, 5.0), completed()));
    assertFalse(
        new Pruner.Median(4, 0, false)
            .shouldPrune(trial(9, TrialState.RUNNING, 1.5, 0.95), completed()));
    // Maximizing turns the comparison round.
    assertFalse(
        new Pruner.Median(3, 0, true)
            .shouldPrune(trial(9, TrialState.RUNNING, 1.5, 0.95), completed()));
  }

  @Test
  void successiveHalvingKeepsTheBestFractionAtEachRung() {
    Pruner asha = new Pruner.SuccessiveHalving(1, 2, 0, false);
    // Rungs at steps 1, 2, 4. At step 2 the others reached 0.8, 1.0, 0.7: with itself four
    // competitors, so only the best two continue.
    assertTrue(asha.shouldPrune(trial(9, TrialState.RUNNING, 1.1, 0.9), completed()));
    assertFalse(asha.shouldPrune(trial(9, TrialState.RUNNING, 1.1, 0.75), completed()));
    // The first trial to reach a rung always continues.
    assertFalse(asha.shouldPrune(trial(9, TrialState.RUNNING, 3.0), List.of()));
  }
}
