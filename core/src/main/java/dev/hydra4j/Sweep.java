package dev.hydra4j;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.sweep.PlannedJob;
import dev.hydra4j.sweep.SweepOptions;
import dev.hydra4j.sweep.SweepPlan;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jobs of a sweep ({@code hydra4j -m}'s product of the overrides' values, with the config's
 * {@code hydra.sweeper.params}), for a program that runs them itself, in this process. Jobs are
 * composed one at a time, when asked for: a sweep of thousands holds no config but the one in hand.
 *
 * <pre>{@code
 * Sweep sweep = Hydra4j.sweep(Path.of("conf"), "config", "training.lr=0.1,0.01", "seed=1,2");
 * List<AppConfig> configs = sweep.bind(AppConfig.class);   // every job checked before any runs
 * for (Sweep.Job job : sweep) {
 *   train(job.config().bind(AppConfig.class), job.overrides());
 * }
 * }</pre>
 */
public final class Sweep extends AbstractList<Sweep.Job> {

  /**
   * One job of a sweep.
   *
   * @param num its number, as {@code ${hydra:job.num}} and a launched sweep's directory name
   * @param overrides the overrides that make it, e.g. {@code [training.lr=0.1, seed=1]}
   * @param config its resolved job config
   */
  public record Job(int num, List<String> overrides, Config config) {}

  private final Composer composer;
  private final String configName;
  private final List<PlannedJob> single;
  private final SweepPlan plan;

  private Sweep(Composer composer, String configName, List<PlannedJob> single, SweepPlan plan) {
    this.composer = composer;
    this.configName = configName;
    this.single = single;
    this.plan = plan;
  }

  static Sweep of(Path configDir, String configName, List<String> overrides) {
    try {
      return plan(
          ClassPathResolvers.composer(SearchPath.of(configDir)), configName, overrides, true);
    } catch (ConfigException e) {
      throw Hydra4jException.of(e);
    }
  }

  /**
   * The jobs of {@code overrides}: the sweep's, or the one job of a single run.
   *
   * @throws ConfigException for a bad override or sweep, as the command line reports it
   */
  static Sweep plan(
      Composer composer, String configName, List<String> overrides, boolean multirun) {
    List<ParsedOverride> parsed = new ArrayList<>();
    for (String o : overrides) {
      parsed.add(OverrideParser.parse(o));
    }
    return multirun
        ? new Sweep(
            composer,
            configName,
            null,
            SweepPlan.create(composer, configName, parsed, SweepOptions.NONE))
        : new Sweep(composer, configName, List.of(new PlannedJob(0, parsed)), null);
  }

  @Override
  public int size() {
    return plan == null ? single.size() : plan.size();
  }

  /**
   * Job {@code index} (0 to {@code size() - 1}), composed and resolved now.
   *
   * @throws Hydra4jException when its config does not compose or resolve
   */
  @Override
  public Job get(int index) {
    PlannedJob planned = planned(index);
    try {
      Composition c = composition(planned);
      Map<String, Object> runtime =
          Map.of("hydra.job.num", (long) planned.num(), "hydra.job.id", "" + planned.num());
      Config config =
          new Config(c.withHydraValues(runtime).resolvedJobConfig(), "", c.defaults().choices());
      return new Job(planned.num(), planned.texts(), config);
    } catch (ConfigException e) {
      throw Hydra4jException.of(e);
    }
  }

  /**
   * Every job's config bound to {@code type}, in job order. Each job is bound before this returns,
   * so a sweep with a config that does not fit stops before its first job runs.
   *
   * @throws Hydra4jException listing every problem of the first job that does not bind, each with
   *     its file:line, headed by the job's number and overrides
   */
  public <T> List<T> bind(Class<T> type) {
    return bind("", type);
  }

  /**
   * Every job's value at {@code key} bound to {@code type}, in job order, as {@link #bind(Class)}
   * for one part of the config.
   */
  public <T> List<T> bind(String key, Class<T> type) {
    List<T> bound = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      Job job = get(i);
      try {
        bound.add(key.isEmpty() ? job.config().bind(type) : job.config().bind(key, type));
      } catch (Hydra4jException e) {
        throw labelled(job.num(), job.overrides(), e);
      }
    }
    return bound;
  }

  PlannedJob planned(int index) {
    return plan == null ? single.get(index) : plan.job(index);
  }

  Composition composition(PlannedJob planned) {
    return composer.compose(
        configName, planned.overrides(), plan == null ? RunMode.RUN : RunMode.MULTIRUN);
  }

  /** {@code e} headed by the job it is about, when there is more than one. */
  Hydra4jException labelled(int num, List<String> overrides, Hydra4jException e) {
    String which = plan == null ? "" : "Job " + num + " (" + String.join(" ", overrides) + "): ";
    return new Hydra4jException(which + e.headline(), e.problems(), e.hint(), e);
  }
}
