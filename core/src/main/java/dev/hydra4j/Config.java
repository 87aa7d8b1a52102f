package dev.hydra4j;

import dev.hydra4j.compose.Suggestions;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.YamlWriter;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A composed, resolved config, read by dotted keys ({@code training.lr}, {@code test_videos[0]}) as
 * typed values, or bound to records. Immutable and thread-safe. Every failure is a {@link
 * Hydra4jException} naming the key, the type wanted, the value found and the file:line that set it.
 *
 * <pre>{@code
 * Config cfg = Hydra4j.load(Path.of("conf"), "config", "training.lr=0.1");
 * double lr = cfg.getDouble("training.lr");                 // 0.1
 * Optional<String> tag = cfg.findString("tag");             // empty when absent or null
 * Duration timeout = cfg.getDuration("hydra_timeout");      // "10s" -> PT10S
 * record Training(int epochs, double lr, int batchSize) {}  // batch_size in YAML
 * Training t = cfg.bind("training", Training.class);
 * }</pre>
 *
 * <p>Numbers and booleans given as strings convert ({@code "10"} to an {@code int}), as OmegaConf
 * does for typed fields; a number never loses a fraction or overflows. A {@code find…} method
 * returns empty for a key that is absent, {@code null} or {@code ???}, and still fails for a value
 * of the wrong type.
 */
public final class Config {

  private final ConfigMap node;
  private final String path;
  private final Map<String, String> choices;

  Config(ConfigMap node, String path, Map<String, String> choices) {
    this.node = node;
    this.path = path;
    // A group chosen as null (logger: null) is a choice too: keep it, which Map.copyOf cannot.
    this.choices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
  }

  ConfigMap tree() {
    return node;
  }

  Map<String, String> choices() {
    return choices;
  }

  /** Where this view sits in the whole config: {@code training}, or empty for the root. */
  public String path() {
    return path;
  }

  /** The keys at this level, in the config's order. */
  public Set<String> keys() {
    return node.keys();
  }

  /** Whether {@code key} is set to a value: not absent, {@code null} or {@code ???}. */
  public boolean hasPath(String key) {
    ConfigNode found = ConfigTree.select(node, ConfigPath.parse(key));
    return found != null && !found.isMissing() && !(found instanceof ConfigValue v && v.isNull());
  }

  /** Where the value of {@code key} was set. */
  public Origin origin(String key) {
    return Origin.of(lookup(key).origin());
  }

  /** Where this map was set. */
  public Origin origin() {
    return Origin.of(node.origin());
  }

  public String getString(String key) {
    return bind(key, String.class);
  }

  public int getInt(String key) {
    return bind(key, int.class);
  }

  public long getLong(String key) {
    return bind(key, long.class);
  }

  public double getDouble(String key) {
    return bind(key, double.class);
  }

  public boolean getBoolean(String key) {
    return bind(key, boolean.class);
  }

  /** A duration such as {@code 10s}, {@code 1.5h} or {@code PT10S}; a bare number is ms. */
  public Duration getDuration(String key) {
    return bind(key, Duration.class);
  }

  /** A size in bytes such as {@code 512M} (1024s) or {@code 10kB} (1000s). */
  public long getBytes(String key) {
    return bind(key, ByteSize.class).bytes();
  }

  /** The map at {@code key} as a view; its errors still name the whole key. */
  public Config getConfig(String key) {
    return bind(key, Config.class);
  }

  /** The list at {@code key} as plain values (String, Long, Double, Boolean, List, Map). */
  public List<Object> getList(String key) {
    return getList(key, Object.class);
  }

  /** The list at {@code key}, each item converted to {@code itemType} (e.g. a record). */
  public <T> List<T> getList(String key, Class<T> itemType) {
    Type listOf = new Generic(List.class, itemType);
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) bindType(key, listOf);
    return list;
  }

  public Optional<String> findString(String key) {
    return find(key, String.class);
  }

  public Optional<Integer> findInt(String key) {
    return find(key, Integer.class);
  }

  public Optional<Long> findLong(String key) {
    return find(key, Long.class);
  }

  public Optional<Double> findDouble(String key) {
    return find(key, Double.class);
  }

  public Optional<Boolean> findBoolean(String key) {
    return find(key, Boolean.class);
  }

  public Optional<Duration> findDuration(String key) {
    return find(key, Duration.class);
  }

  public Optional<Config> findConfig(String key) {
    return find(key, Config.class);
  }

  /** The value of {@code key} as {@code type}, or empty when it is not set. */
  public <T> Optional<T> find(String key, Class<T> type) {
    return hasPath(key) ? Optional.of(bind(key, type)) : Optional.empty();
  }

  /**
   * The value at {@code key} as {@code type}: a record (or a class with a constructor taking its
   * values, e.g. a Kotlin data class), with nested records, {@code List}, {@code Set}, {@code
   * Map<String, …>}, enums, {@code Optional}, scalars, {@link Duration}, {@link ByteSize}, {@link
   * Config}, or a sealed interface whose subtype is named by the group option chosen for {@code
   * key}. A record component {@code batchSize} reads the key {@code batchSize}, {@code batch_size}
   * or {@code batch-size}. Keys that no component reads are refused (struct mode). Jakarta Bean
   * Validation annotations are checked when a validator is on the classpath.
   *
   * @throws Hydra4jException listing every problem, each with its key and file:line
   */
  public <T> T bind(String key, Class<T> type) {
    @SuppressWarnings("unchecked")
    T value = (T) bindType(key, type);
    return value;
  }

  /** This whole view bound to {@code type}, as {@link #bind(String, Class)}. */
  public <T> T bind(Class<T> type) {
    return bind("", type);
  }

  private Object bindType(String key, Type type) {
    String full = Binder.join(path, key);
    ConfigNode found = key.isEmpty() ? node : lookup(key);
    Binder binder = new Binder(choices);
    Object value = binder.bind(found, type, full);
    List<Hydra4jException.Problem> problems = binder.problems();
    if (problems.isEmpty() && value != null) {
      problems = BeanValidation.check(value, found, full);
    }
    if (!problems.isEmpty()) {
      String what = Binder.rawClass(type).getSimpleName();
      String shown = full.isEmpty() ? "the config" : "'" + full + "'";
      String headline =
          problems.size() == 1
              ? "Cannot bind " + shown + " to " + what
              : problems.size() + " problems binding " + shown + " to " + what;
      throw new Hydra4jException(headline, problems, null, null);
    }
    return value;
  }

  private ConfigNode lookup(String key) {
    ConfigPath at = ConfigPath.parse(key);
    ConfigNode found = ConfigTree.select(node, at);
    if (found == null) {
      String full = Binder.join(path, key);
      ConfigNode deepest = node;
      for (String segment : at.segments()) {
        ConfigNode next = ConfigTree.child(deepest, segment);
        if (next == null) {
          break;
        }
        deepest = next;
      }
      throw new Hydra4jException(
          "No key '" + full + "'",
          List.of(new Hydra4jException.Problem(full, "no such key", Origin.of(deepest.origin()))),
          Suggestions.forMissingKey(node, at),
          null);
    }
    return found;
  }

  /** This config as plain Java maps, lists and scalars, in the config's order. */
  public Map<String, Object> toMap() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) ConfigNodes.plain(node);
    return map;
  }

  /**
   * This config with the keys only {@code fallback} has added, as a config layered over an
   * application's defaults (e.g. a {@code reference.conf}); values of this config win, maps merge
   * key by key.
   */
  public Config withFallback(Config fallback) {
    ConfigNode merged = ConfigTree.merge(fallback.node, node);
    return new Config((ConfigMap) merged, path, choices);
  }

  /** The config as YAML, as {@code hydra4j --cfg job --resolve} prints it. */
  @Override
  public String toString() {
    return YamlWriter.toYaml(node);
  }

  /** {@code List<T>} as a type for the binder. */
  private record Generic(Class<?> raw, Type argument)
      implements java.lang.reflect.ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {argument};
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }
  }
}
