package dev.hydra4j.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * bench/sweeper.sh's wall-time comparison (not a test), by simulation: {@code slots} workers run
 * TPE trials whose durations are uneven (log-uniform over a factor of 10, drawn per trial).
 * Asynchronous: a trial starts the moment a slot frees up, suggested from every trial ended by then
 * (running ones count as bad: constant liar). Synchronous batches, as Hydra's Optuna sweeper runs
 * them: {@code slots} trials at a time, the next batch when the slowest of the batch has ended.
 * Prints {@code seed async_time sync_time async_best sync_best}.
 *
 * <pre>java -cp … dev.hydra4j.search.ScheduleBench TRIALS SLOTS SEEDS</pre>
 */
public final class ScheduleBench {

  private ScheduleBench() {}

  public static void main(String[] args) {
    int trials = Integer.parseInt(args[0]);
    int slots = Integer.parseInt(args[1]);
    int seeds = Integer.parseInt(args[2]);
    Objectives.Problem problem = Objectives.hartmann6();
    for (int seed = 0; seed < seeds; seed++) {
      double[] async = async(problem, trials, slots, seed);
      double[] sync = sync(problem, trials, slots, seed);
      System.out.println(seed + " " + async[0] + " " + sync[0] + " " + async[1] + " " + sync[1]);
    }
  }

  /** A trial's duration, from its number alone so both schedules see the same work. */
  private static double duration(int seed, int number) {
    return Math.pow(10, new SplittableRandom(seed * 7919L + number).nextDouble());
  }

  private record Running(double end, int number) {}

  private static double[] async(Objectives.Problem p, int trials, int slots, int seed) {
    TpeSampler tpe = Objectives.tpe(seed);
    Map<Integer, Trial> history = new java.util.TreeMap<>();
    PriorityQueue<Running> running =
        new PriorityQueue<>(java.util.Comparator.comparingDouble(Running::end));
    double now = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int n = 0; n < trials; n++) {
      if (running.size() == slots) {
        Running done = running.poll();
        now = done.end();
        best = Math.min(best, finish(p, history, done.number()));
      }
      Map<String, Object> params = tpe.suggest(p.space(), n, new ArrayList<>(history.values()));
      history.put(n, Trial.running(n, params));
      running.add(new Running(now + duration(seed, n), n));
    }
    while (!running.isEmpty()) {
      Running done = running.poll();
      now = done.end();
      best = Math.min(best, finish(p, history, done.number()));
    }
    return new double[] {now, best};
  }

  private static double[] sync(Objectives.Problem p, int trials, int slots, int seed) {
    TpeSampler tpe = Objectives.tpe(seed);
    Map<Integer, Trial> history = new java.util.TreeMap<>();
    double now = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int from = 0; from < trials; from += slots) {
      List<Integer> batch = new ArrayList<>();
      double longest = 0;
      for (int n = from; n < Math.min(trials, from + slots); n++) {
        Map<String, Object> params = tpe.suggest(p.space(), n, new ArrayList<>(history.values()));
        history.put(n, Trial.running(n, params));
        batch.add(n);
        longest = Math.max(longest, duration(seed, n));
      }
      now += longest;
      for (int n : batch) {
        best = Math.min(best, finish(p, history, n));
      }
    }
    return new double[] {now, best};
  }

  private static double finish(Objectives.Problem p, Map<Integer, Trial> history, int n) {
    Trial t = history.get(n);
    double value = p.f().applyAsDouble(t.params());
    history.put(n, t.ended(TrialState.COMPLETE, List.of(value)));
    return value;
  }
}
