package dev.hydra4j.search;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.PythonFloat;
import dev.hydra4j.override.ChoiceSweep;
import dev.hydra4j.override.Element;
import dev.hydra4j.override.IntervalSweep;
import dev.hydra4j.override.OverrideValue;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.override.RangeSweep;
import dev.hydra4j.override.SweepItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a study searches, from sweep overrides as Hydra's Optuna sweeper reads its {@code
 * params}: {@code interval(a,b)} a float in [a, b], {@code tag(log, …)} log-scaled, {@code
 * int(interval(a,b))} an int in [a, b], {@code range(a,b,s)} the range's elements, {@code
 * choice(…)} or {@code a,b,c} one of the values.
 */
final class SearchSpace {

  private final Map<String, Param> params;

  /** One searched override and its distribution. */
  record Param(ParsedOverride override, Distribution distribution) {
    String name() {
      return override.keyWithPackage();
    }

    /** The override a job receives for {@code value}, as its overrides.yaml lists it. */
    String overrideFor(Object value) {
      return override.jobOverride(new SweepItem(value, text(value)));
    }

    private String text(Object value) {
      if (distribution instanceof Distribution.Categorical c) {
        for (SweepItem item : c.choices()) {
          if (java.util.Objects.equals(item.value(), value)) {
            return item.text();
          }
        }
      }
      return value instanceof Double d ? PythonFloat.repr(d) : String.valueOf(value);
    }
  }

  private SearchSpace(Map<String, Param> params) {
    this.params = params;
  }

  /** The space of the sweep overrides among {@code overrides}; fixed values are left out. */
  static SearchSpace of(List<ParsedOverride> overrides) {
    Map<String, Param> params = new LinkedHashMap<>();
    for (ParsedOverride o : overrides) {
      if (o.isSweep()) {
        params.put(o.keyWithPackage(), new Param(o, distribution(o)));
      }
    }
    if (params.isEmpty()) {
      throw new ConfigException(
          "The optuna sweeper has nothing to search",
          Origin.of("hydra.sweeper.params"),
          "give a parameter to search, e.g. hydra.sweeper.params.lr='interval(0.001,0.1)'"
              + " or lr='tag(log,interval(0.001,0.1))' on the command line");
    }
    return new SearchSpace(params);
  }

  List<Param> params() {
    return List.copyOf(params.values());
  }

  Param param(String name) {
    return params.get(name);
  }

  /** The overrides of one trial, in space order. */
  List<String> overrides(Map<String, Object> values) {
    List<String> out = new ArrayList<>();
    for (Param p : params.values()) {
      out.add(p.overrideFor(values.get(p.name())));
    }
    return out;
  }

  private static Distribution distribution(ParsedOverride o) {
    OverrideValue value = o.value();
    try {
      if (value instanceof IntervalSweep i) {
        return interval(i);
      }
      if (value instanceof RangeSweep r) {
        return range(r);
      }
      if (value instanceof ChoiceSweep c) {
        List<SweepItem> items = new ArrayList<>();
        for (OverrideValue item : c.items()) {
          if (!(item instanceof Element e)) {
            throw new ConfigException(
                "A choice cannot hold another sweep", null, "list plain values: choice(a,b,c)");
          }
          items.add(e.asSweepItem());
        }
        return new Distribution.Categorical(items);
      }
      throw new ConfigException(
          "The optuna sweeper cannot search " + value.toOverrideText(),
          null,
          "use interval(a,b), int(interval(a,b)), tag(log,interval(a,b)), range(a,b,step)"
              + " or choice(a,b,...)");
    } catch (ConfigException e) {
      throw new ConfigException(
          e.getMessage() + " (in '" + o.input() + "')", Origin.ofOverride(o.input()), e.hint(), e);
    }
  }

  private static Distribution interval(IntervalSweep i) {
    boolean log = i.tags().contains("log");
    double low = i.start().doubleValue();
    double high = i.end().doubleValue();
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new ConfigException(
          "An interval needs finite bounds, low < high", null, "e.g. interval(0.001,0.1)");
    }
    if (log && low <= 0) {
      throw new ConfigException(
          "A log-scaled interval must start above 0", null, "e.g. tag(log,interval(1e-5,1e-1))");
    }
    if (i.start() instanceof Long && i.end() instanceof Long) {
      return new Distribution.IntRange(i.start().longValue(), i.end().longValue(), 1, log);
    }
    return new Distribution.FloatRange(low, high, log, 0);
  }

  private static Distribution range(RangeSweep r) {
    List<Number> values = r.values();
    if (values.isEmpty()) {
      throw new ConfigException("The range has no elements", null, "check its bounds and step");
    }
    Number first = values.get(0);
    Number last = values.get(values.size() - 1);
    double step = Math.abs(r.step().doubleValue());
    if (r.isFloat()) {
      double low = Math.min(first.doubleValue(), last.doubleValue());
      double high = Math.max(first.doubleValue(), last.doubleValue());
      return new Distribution.FloatRange(low, high == low ? low + step : high, false, step);
    }
    long low = Math.min(first.longValue(), last.longValue());
    long high = Math.max(first.longValue(), last.longValue());
    return new Distribution.IntRange(low, high, (long) step, r.tags().contains("log"));
  }
}
