package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigMap;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What resolution may read from outside the config: environment variables, the run's instant, and
 * Hydra's own config for {@code ${hydra:…}}. Immutable; tests inject each part.
 *
 * <p>The instant is read once, when the first {@code ${now:…}} needs it (reading the clock in the
 * system time zone loads the time-zone database, ~10 ms that a config preview without {@code
 * ${now:}} need not pay), and every {@code ${now:…}} of the run formats that one instant. Hydra
 * caches {@code now} per format string, so its values for different formats can straddle a second;
 * one instant cannot.
 */
public final class InterpolationContext {

  private final Function<String, String> env;
  private final Now now;
  private final ConfigMap hydraConfig;

  /** The run's instant: given, or read from the clock on first use; shared by copies. */
  private static final class Now {
    private final Clock clock;
    private ZonedDateTime value;

    Now(Clock clock, ZonedDateTime value) {
      this.clock = clock;
      this.value = value;
    }

    synchronized ZonedDateTime get() {
      if (value == null) {
        value =
            clock == null ? ZonedDateTime.now(ZoneId.systemDefault()) : ZonedDateTime.now(clock);
      }
      return value;
    }
  }

  private InterpolationContext(Function<String, String> env, Now now, ConfigMap hydraConfig) {
    this.env = env;
    this.now = now;
    this.hydraConfig = hydraConfig;
  }

  /** The process environment and the current time in the system time zone, no hydra config. */
  public static InterpolationContext system() {
    return new InterpolationContext(System::getenv, new Now(null, null), null);
  }

  /** Fixed environment and instant, as tests want them. */
  public static InterpolationContext of(Map<String, String> env, ZonedDateTime now) {
    Map<String, String> copy = Map.copyOf(env);
    return new InterpolationContext(
        copy::get, new Now(null, Objects.requireNonNull(now, "now")), null);
  }

  /** The same context reading variables from {@code env} ({@code null} means unset). */
  public InterpolationContext withEnv(Function<String, String> newEnv) {
    return new InterpolationContext(Objects.requireNonNull(newEnv, "env"), now, hydraConfig);
  }

  /** The same context with the run's instant read from {@code clock}, once, when needed. */
  public InterpolationContext withClock(Clock clock) {
    return new InterpolationContext(
        env, new Now(Objects.requireNonNull(clock, "clock"), null), hydraConfig);
  }

  public InterpolationContext withNow(ZonedDateTime newNow) {
    return new InterpolationContext(
        env, new Now(null, Objects.requireNonNull(newNow, "now")), hydraConfig);
  }

  /**
   * The same context with Hydra's config: {@code config} is a whole config holding a {@code hydra}
   * node. {@code ${hydra:job.name}} reads {@code hydra.job.name} there, and interpolations inside
   * it are resolved against all of {@code config}.
   */
  public InterpolationContext withHydraConfig(ConfigMap config) {
    if (config != null && !config.has("hydra")) {
      throw new IllegalArgumentException("the hydra config must hold a 'hydra' node");
    }
    return new InterpolationContext(env, now, config);
  }

  /** An environment variable, or {@code null} when unset. */
  public String env(String name) {
    return env.apply(name);
  }

  public ZonedDateTime now() {
    return now.get();
  }

  /** The config holding the {@code hydra} node, or {@code null}. */
  public ConfigMap hydraConfig() {
    return hydraConfig;
  }
}
