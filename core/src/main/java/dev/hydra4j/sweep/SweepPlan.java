package dev.hydra4j.sweep;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.override.Element;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.override.RangeSweep;
import dev.hydra4j.override.SweepItem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep as Hydra's basic sweeper defines it — the cartesian product of every swept override, the
 * last one varying fastest — enumerated lazily: job k's overrides are computed from k, and no job's
 * config is held longer than it takes to use it.
 */
public final class SweepPlan {

  private final List<ParsedOverride> overrides;
  private final List<List<SweepItem>> items;
  private final List<Axis> axes;
  private final long gridSize;
  private final int[] selection;
  private final long seed;

  private SweepPlan(
      List<ParsedOverride> overrides,
      List<List<SweepItem>> items,
      List<Axis> axes,
      long gridSize,
      int[] selection,
      long seed) {
    this.overrides = overrides;
    this.items = items;
    this.axes = axes;
    this.gridSize = gridSize;
    this.selection = selection;
    this.seed = seed;
  }

  /**
   * Plans the sweep of {@code configName} under {@code commandLine}, merging the config's {@code
   * hydra.sweeper.params} (the command line wins for a key and keeps its place).
   */
  public static SweepPlan create(
      Composer composer,
      String configName,
      List<ParsedOverride> commandLine,
      SweepOptions options) {
    Composition fixed =
        composer.compose(
            configName, commandLine.stream().filter(o -> !o.isSweep()).toList(), RunMode.MULTIRUN);
    long maxJobs = BasicSweeperSettings.of(fixed).whole("max_jobs");
    List<ParsedOverride> all = withSweeperParams(fixed.config(), commandLine);
    List<List<SweepItem>> items = new ArrayList<>();
    for (ParsedOverride o : all) {
      if (o.isSweep()) {
        refuseLongRange(o, maxJobs);
        List<String> groupOptions =
            composer.repository().isGroup(o.key()) ? composer.repository().options(o.key()) : null;
        List<SweepItem> expanded = o.expand(groupOptions);
        if (expanded.isEmpty()) {
          throw new ConfigException(
              "The sweep '" + o.input() + "' has no values",
              Origin.ofOverride(o.input()),
              composer.repository().isGroup(o.key())
                  ? "options of group '"
                      + o.key()
                      + "': "
                      + String.join(", ", composer.repository().options(o.key()))
                  : "give at least one value");
        }
        items.add(expanded);
      } else {
        items.add(null);
      }
    }
    List<Axis> axes = Zip.axes(all, items, options.zip());
    BigInteger size = BigInteger.ONE;
    for (Axis axis : axes) {
      size = size.multiply(BigInteger.valueOf(axis.length()));
    }
    if (size.compareTo(BigInteger.valueOf(maxJobs)) > 0) {
      throw tooLarge(size + " jobs", Origin.of("the command line"), maxJobs);
    }
    SweepPlan plan = new SweepPlan(all, items, axes, size.longValue(), null, options.seed());
    int[] selection = JobSelection.select(plan, composer, configName, options);
    return selection == null
        ? plan
        : new SweepPlan(all, items, axes, size.longValue(), selection, options.seed());
  }

  /**
   * A {@code range(…)} longer than the whole sweep may be is refused from its length alone, before
   * its values are listed: {@code range(100000000)} must not fill memory first.
   */
  private static void refuseLongRange(ParsedOverride o, long maxJobs) {
    if (o.value() instanceof RangeSweep range) {
      long length;
      try {
        length = range.size();
      } catch (ConfigException e) {
        throw new ConfigException(
            e.getMessage() + " (in override '" + o.input() + "')",
            Origin.ofOverride(o.input()),
            e.hint(),
            e);
      }
      if (length > maxJobs) {
        throw tooLarge(
            (length == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : length)
                + " values in '"
                + o.input()
                + "'",
            Origin.ofOverride(o.input()),
            maxJobs);
      }
    }
  }

  private static ConfigException tooLarge(String what, Origin origin, long maxJobs) {
    return new ConfigException(
        "The sweep is too large: "
            + what
            + ", more than the limit of "
            + maxJobs
            + " jobs (hydra.sweeper.max_jobs)",
        origin,
        "sweep fewer values or use a larger step; if you mean it, raise the limit, e.g."
            + " hydra.sweeper.max_jobs="
            + Math.max(maxJobs * 10, 1_000_000));
  }

  /**
   * The overrides to sweep, as Hydra's basic sweeper lines them up: the config's {@code
   * hydra.sweeper.params} first, in file order, then the command line; a key given again (same
   * prefix, key and package) replaces the earlier value in the earlier place. That order is the
   * order of the product, so it decides which job gets which number.
   */
  private static List<ParsedOverride> withSweeperParams(
      ConfigMap config, List<ParsedOverride> commandLine) {
    ConfigNode params =
        dev.hydra4j.config.ConfigTree.select(
            config, dev.hydra4j.config.ConfigPath.parse("hydra.sweeper.params"));
    Map<String, ParsedOverride> byKey = new LinkedHashMap<>();
    if (params instanceof ConfigMap map) {
      for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
        Object value = e.getValue() instanceof ConfigValue v ? v.value() : null;
        String text = e.getKey() + "=" + (value == null ? "null" : value);
        try {
          ParsedOverride parsed = OverrideParser.parse(text);
          byKey.put(keyOf(parsed), parsed);
        } catch (ConfigException ex) {
          throw new ConfigException(
              "Invalid sweep in hydra.sweeper.params." + e.getKey() + ": " + ex.getMessage(),
              e.getValue().origin(),
              ex.hint(),
              ex);
        }
      }
    }
    for (ParsedOverride o : commandLine) {
      byKey.put(keyOf(o), o);
    }
    return new ArrayList<>(byKey.values());
  }

  /** Hydra's key element: prefix, key and package ({@code +db@backup}). */
  private static String keyOf(ParsedOverride o) {
    return o.type().prefix() + o.keyWithPackage();
  }

  /** The number of jobs to run. */
  public int size() {
    return selection == null ? (int) gridSize : selection.length;
  }

  /** The number of jobs in the full grid, before any filter or sample. */
  public long gridSize() {
    return gridSize;
  }

  public long seed() {
    return seed;
  }

  /** The {@code index}-th job to run (0 ≤ index < size()). */
  public PlannedJob job(int index) {
    return jobAt(selection == null ? index : selection[index]);
  }

  /** The job at grid position {@code num}. */
  public PlannedJob jobAt(int num) {
    int[] position = new int[items.size()];
    long rest = num;
    for (int a = axes.size() - 1; a >= 0; a--) {
      Axis axis = axes.get(a);
      int at = (int) (rest % axis.length());
      rest /= axis.length();
      for (int p : axis.positions()) {
        position[p] = at;
      }
    }
    List<ParsedOverride> job = new ArrayList<>(overrides.size());
    for (int i = 0; i < overrides.size(); i++) {
      ParsedOverride o = overrides.get(i);
      List<SweepItem> values = items.get(i);
      job.add(values == null ? fixed(o) : choose(o, values.get(position[i])));
    }
    return new PlannedJob(num, job);
  }

  /** Grid positions of the jobs to run, in order. */
  public int[] numbers() {
    if (selection != null) {
      return selection.clone();
    }
    int[] all = new int[(int) gridSize];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The keys that take more than one value across the sweep, in override order. */
  public List<String> sweptKeys() {
    Map<String, Boolean> keys = new LinkedHashMap<>();
    for (int i = 0; i < overrides.size(); i++) {
      if (items.get(i) != null && items.get(i).size() > 1) {
        keys.put(overrides.get(i).keyWithPackage(), Boolean.TRUE);
      }
    }
    return List.copyOf(keys.keySet());
  }

  /** All overrides of the sweep, sweeps included, in sweep order (params, then command line). */
  public List<ParsedOverride> overrides() {
    return overrides;
  }

  /**
   * An override that is not swept, as Hydra's sweeper hands it to every job: its value re-printed
   * in Hydra's canonical form ({@code flag=true} becomes {@code flag=True}, {@code lr=1e-3} becomes
   * {@code lr=0.001}), which is what {@code overrides.yaml} and {@code override_dirname} show. A
   * bare delete ({@code ~key}) has no value to print.
   */
  private static ParsedOverride fixed(ParsedOverride o) {
    if (!(o.value() instanceof Element element)) {
      return o;
    }
    String text = o.type().prefix() + o.keyWithPackage() + "=" + element.canonical();
    return text.equals(o.input())
        ? o
        : new ParsedOverride(o.type(), o.key(), o.packageName(), element, text);
  }

  private static ParsedOverride choose(ParsedOverride sweep, SweepItem item) {
    return new ParsedOverride(
        sweep.type(),
        sweep.key(),
        sweep.packageName(),
        Element.of(item.value()),
        sweep.jobOverride(item));
  }
}
