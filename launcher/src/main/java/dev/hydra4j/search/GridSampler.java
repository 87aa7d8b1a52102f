package dev.hydra4j.search;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every combination of the parameters' values, trial k taking combination k in an order shuffled by
 * the seed (so that a study cut short still covers the grid evenly). Every parameter must be
 * listable: choices, ranges, int intervals.
 */
record GridSampler(long seed) implements Sampler {

  @Override
  public Map<String, Object> suggest(SearchSpace space, int number, List<Trial> history) {
    List<List<Object>> axes = axes(space);
    long size = size(axes);
    long position = permuted(number % size, size);
    Map<String, Object> values = new LinkedHashMap<>();
    List<SearchSpace.Param> params = space.params();
    for (int i = params.size() - 1; i >= 0; i--) {
      List<Object> axis = axes.get(i);
      values.put(params.get(i).name(), axis.get((int) (position % axis.size())));
      position /= axis.size();
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    params.forEach(p -> ordered.put(p.name(), values.get(p.name())));
    return ordered;
  }

  @Override
  public int capacity(SearchSpace space) {
    return (int) Math.min(Integer.MAX_VALUE, size(axes(space)));
  }

  /** A bijection of [0, size): an affine map with a multiplier coprime to size. */
  private long permuted(long k, long size) {
    if (size <= 2 || size > Integer.MAX_VALUE) {
      return k;
    }
    long a = 1 + Math.floorMod(seed * 2654435761L, size - 1);
    while (gcd(a, size) != 1) {
      a = a % (size - 1) + 1;
    }
    long b = Math.floorMod(seed, size);
    return Math.floorMod(a * k + b, size);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static long size(List<List<Object>> axes) {
    long size = 1;
    for (List<Object> axis : axes) {
      size = Math.multiplyExact(size, (long) axis.size());
    }
    return size;
  }

  private static List<List<Object>> axes(SearchSpace space) {
    List<List<Object>> axes = new ArrayList<>();
    for (SearchSpace.Param p : space.params()) {
      axes.add(values(p));
    }
    return axes;
  }

  private static List<Object> values(SearchSpace.Param p) {
    List<Object> out = new ArrayList<>();
    Distribution d = p.distribution();
    if (d instanceof Distribution.Categorical c) {
      c.choices().forEach(item -> out.add(item.value()));
    } else if (d instanceof Distribution.IntRange r && !r.log()) {
      for (long v = r.low(); v <= r.high(); v += r.step()) {
        out.add(v);
      }
    } else if (d instanceof Distribution.FloatRange f && f.step() > 0 && !f.log()) {
      for (long k = 0; f.low() + k * f.step() <= f.high() + f.step() * 1e-9; k++) {
        out.add(f.low() + k * f.step());
      }
    } else {
      throw new ConfigException(
          "The grid sampler cannot list the values of '" + p.override().input() + "'",
          Origin.ofOverride(p.override().input()),
          "give it as choice(...) or range(start,stop,step), or use the TPE or random sampler");
    }
    return out;
  }
}
