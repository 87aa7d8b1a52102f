package dev.hydra4j.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Independent uniform draws (uniform in the logarithm for log-scaled parameters). */
record RandomSampler(long seed) implements Sampler {

  @Override
  public Map<String, Object> suggest(SearchSpace space, int number, List<Trial> history) {
    SplittableRandom random = Sampler.random(seed, number);
    Map<String, Object> values = new LinkedHashMap<>();
    for (SearchSpace.Param p : space.params()) {
      values.put(p.name(), draw(p.distribution(), random));
    }
    return values;
  }

  static Object draw(Distribution d, SplittableRandom random) {
    if (d instanceof Distribution.Categorical c) {
      return c.choices().get(random.nextInt(c.choices().size())).value();
    }
    double[] bounds = Distribution.internalBounds(d);
    return Distribution.fromInternal(d, bounds[0] + random.nextDouble() * (bounds[1] - bounds[0]));
  }
}
