package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFile;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.DictKeys;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.InterpolationContext;
import dev.hydra4j.interpolate.Interpolator;
import dev.hydra4j.interpolate.Resolvers;
import dev.hydra4j.override.Element;
import dev.hydra4j.override.OverrideType;
import dev.hydra4j.override.ParsedOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes configs the way Hydra does: expand the defaults lists, merge every chosen config at its
 * package, apply the command line's value overrides in struct mode, and fill in the {@code hydra}
 * node. A composer caches parsed files and, for sweeps, the merged result of each distinct set of
 * group choices, so job k of a sweep costs little more than its value overrides.
 */
public final class Composer {

  private static final int BASE_CACHE_SIZE = 256;

  private final ConfigRepository repository;
  private final Resolvers resolvers;
  private final InterpolationContext context;
  private final Map<String, Base> bases =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @java.lang.Override
            protected boolean removeEldestEntry(Map.Entry<String, Base> eldest) {
              return size() > BASE_CACHE_SIZE;
            }
          });

  private record Base(DefaultsList defaults, ConfigMap merged) {}

  /** Notices already shown: a sweep of many jobs shows each once. */
  private final java.util.Set<String> shown = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private volatile java.util.function.Consumer<String> notices =
      line -> System.err.println("hydra4j: " + line);

  public Composer(SearchPath searchPath) {
    this(searchPath, Resolvers.builtIn(), InterpolationContext.system());
  }

  /**
   * A composer with user resolvers and a fixed context (environment, the run's instant). Every
   * composition made by one composer reads the same instant for {@code ${now:…}}.
   */
  public Composer(SearchPath searchPath, Resolvers resolvers, InterpolationContext context) {
    this.repository = new ConfigRepository(searchPath);
    this.resolvers = resolvers;
    this.context = context;
  }

  /** A composer over one config directory plus hydra4j's built-in configs. */
  public static Composer forDirectory(Path configDir) {
    return new Composer(SearchPath.of(configDir));
  }

  public ConfigRepository repository() {
    return repository;
  }

  /**
   * Where notices go (an option only a Python plugin provides, accepted and ignored); each distinct
   * notice is passed once. Standard error by default.
   */
  public Composer withNotices(java.util.function.Consumer<String> sink) {
    this.notices = sink;
    return this;
  }

  /**
   * Composes {@code configName} with {@code overrides} to look at ({@code --cfg}, Hydra's compose
   * API): {@code hydra.mode} stays as configured, {@code null} unless set.
   */
  public Composition compose(String configName, List<ParsedOverride> overrides) {
    return compose(configName, overrides, null);
  }

  /**
   * The run mode the config asks for with {@code hydra.mode} (Hydra 1.2+ lets a config say
   * MULTIRUN, so a sweep runs without {@code -m}), or {@code null}. Swept overrides are left out:
   * only the fixed part of the command line can set the mode.
   */
  public RunMode declaredMode(String configName, List<ParsedOverride> overrides) {
    Composition c;
    try {
      c = compose(configName, overrides.stream().filter(o -> !o.isSweep()).toList(), null, true);
    } catch (ConfigException e) {
      return null; // the run itself reports what is wrong
    }
    ConfigNode mode = ConfigTree.select(c.hydraConfig(), ConfigPath.parse("mode"));
    if (mode instanceof ConfigValue v && v.value() != null) {
      String text = String.valueOf(v.value());
      for (RunMode m : RunMode.values()) {
        if (m.name().equals(text)) {
          return m;
        }
      }
      throw new ConfigException(
          "Unknown hydra.mode '" + text + "'",
          mode.origin(),
          "use RUN or MULTIRUN (or leave it null and pass -m for a sweep)");
    }
    return null;
  }

  /**
   * Composes {@code configName} with {@code overrides}. Sweeps must already be expanded into one
   * value per override; a sweep left here is an error that says so.
   *
   * @param mode the mode the config is composed for, written to {@code hydra.mode}; {@code null}
   *     keeps the configured value
   */
  public Composition compose(String configName, List<ParsedOverride> overrides, RunMode mode) {
    return compose(configName, overrides, mode, mode == RunMode.MULTIRUN);
  }

  /**
   * @param skipMissing leave {@code ???} choices open (a sweep's jobs fill them)
   */
  private Composition compose(
      String configName, List<ParsedOverride> overrides, RunMode mode, boolean skipMissing) {
    String name = stripExtension(configName);
    extendSearchPath(name, overrides);
    List<GroupOverride> groupOverrides = new ArrayList<>();
    List<ValueOverrides.ValueOverride> valueOverrides = new ArrayList<>();
    List<String> task = new ArrayList<>();
    List<String> hydra = new ArrayList<>();
    for (ParsedOverride o : overrides) {
      if (o.isSweep()) {
        throw new ConfigException(
            "Ambiguous value for '" + o.input() + "': a sweep needs --multirun",
            Origin.ofOverride(o.input()),
            "to sweep, add --multirun (-m); for a list write "
                + o.key()
                + "=[…]; for a"
                + " string, quote it: "
                + o.key()
                + "='…'");
      }
      boolean isHydra =
          o.key().equals("hydra") || o.key().startsWith("hydra.") || o.key().startsWith("hydra/");
      (isHydra ? hydra : task).add(o.input());
      if (repository.isGroup(o.key())) {
        groupOverrides.add(toGroupOverride(o));
      } else {
        valueOverrides.add(toValueOverride(o));
      }
    }
    Base base = base(name, groupOverrides, skipMissing);
    ConfigMap config = ValueOverrides.apply(base.merged(), valueOverrides);
    config =
        HydraNode.fill(
            config,
            new HydraNode.RuntimeFacts(
                name, mode, base.defaults().choices(), task, hydra, overrides, versionBase(name)));
    Interpolator interpolator = new Interpolator(resolvers, context.withHydraConfig(config));
    return new Composition(config, base.defaults(), task, hydra, interpolator);
  }

  private Base base(String name, List<GroupOverride> groupOverrides, boolean skipMissing) {
    StringBuilder key = new StringBuilder(name).append(skipMissing ? "\u0000m" : "");
    for (GroupOverride o : groupOverrides) {
      key.append('\u0000').append(o.text());
    }
    String cacheKey = key.toString();
    Base base = bases.get(cacheKey);
    if (base == null) {
      DefaultsList defaults =
          DefaultsBuilder.build(
              repository, name, groupOverrides, true, versionBase(name), skipMissing);
      ConfigMap merged = merge(defaults.entries());
      HydraSchema.check(merged, HydraSchema.shipped(defaults));
      for (String notice : defaults.notices()) {
        if (shown.add(notice)) {
          notices.accept(notice);
        }
      }
      base = new Base(defaults, merged);
      bases.put(cacheKey, base);
    }
    return base;
  }

  /** Expands the defaults lists only (for {@code --info defaults}). */
  public DefaultsList defaultsList(String configName, List<ParsedOverride> overrides) {
    List<GroupOverride> groupOverrides = new ArrayList<>();
    for (ParsedOverride o : overrides) {
      if (!o.isSweep() && repository.isGroup(o.key())) {
        groupOverrides.add(toGroupOverride(o));
      }
    }
    String name = stripExtension(configName);
    extendSearchPath(name, overrides);
    return DefaultsBuilder.build(repository, name, groupOverrides, true, versionBase(name), false);
  }

  private void extendSearchPath(String primaryName, List<ParsedOverride> overrides) {
    ConfigFile primary = repository.load(primaryName);
    if (primary != null) {
      repository.extend(
          SearchPathSetting.directories(
              primary, overrides, () -> new Interpolator(resolvers, context)));
    }
  }

  /**
   * The composition rules for a primary config: {@code --version-base} if given, else the config's
   * own {@code hydra.version_base}, else {@link VersionBase#DEFAULT}.
   */
  VersionBase versionBase(String primaryName) {
    if (repository.searchPath().versionBase() != null) {
      return repository.searchPath().versionBase();
    }
    ConfigFile primary = repository.load(primaryName);
    ConfigNode declared =
        primary == null
            ? null
            : ConfigTree.select(primary.root(), ConfigPath.parse("hydra.version_base"));
    if (declared instanceof ConfigValue v && v.value() != null) {
      return VersionBase.parse(String.valueOf(v.value()));
    }
    return VersionBase.DEFAULT;
  }

  static ConfigMap merge(List<ResolvedDefault> entries) {
    ConfigNode root = ConfigMap.empty(Origin.BUILT_IN);
    for (ResolvedDefault d : entries) {
      ConfigNode content = d.content();
      ConfigPath at = ConfigPath.parse(d.packageName());
      ConfigNode existing = ConfigTree.select(root, at);
      root =
          ConfigTree.set(
              root, at, existing == null ? content : ConfigTree.merge(existing, content));
    }
    return (ConfigMap) root;
  }

  private GroupOverride toGroupOverride(ParsedOverride o) {
    GroupOverride.Kind kind =
        switch (o.type()) {
          case CHANGE -> GroupOverride.Kind.CHANGE;
          case ADD -> GroupOverride.Kind.ADD;
          case FORCE_ADD -> GroupOverride.Kind.FORCE_ADD;
          case DEL -> GroupOverride.Kind.DELETE;
        };
    List<String> options = new ArrayList<>();
    boolean multiple = false;
    if (o.value() instanceof Element element) {
      Object value = element.value();
      if (value instanceof List<?> list) {
        multiple = true;
        for (Object item : list) {
          options.add(item == null ? null : String.valueOf(item));
        }
      } else if (value == null && o.type() != OverrideType.DEL) {
        // Hydra refuses a null choice on the command line (golden
        // rw-group-choice-null-on-command-line); only a defaults list may say null.
        throw new ConfigException(
            "'" + o.input() + "' chooses null for config group '" + o.key() + "'",
            Origin.ofOverride(o.input()),
            "to drop the group from the defaults list write ~"
                + o.key()
                + "; to choose an option write "
                + o.key()
                + "=<option>; available: "
                + String.join(", ", repository.options(o.key())));
      } else if (value != null) {
        options.add(String.valueOf(value));
      }
    }
    return new GroupOverride(
        kind, o.key(), o.packageName(), options, multiple, o.input(), Origin.ofOverride(o.input()));
  }

  private static ValueOverrides.ValueOverride toValueOverride(ParsedOverride o) {
    Origin origin = Origin.ofOverride(o.input());
    if (o.packageName() != null) {
      throw new ConfigException(
          "'"
              + o.key()
              + "@"
              + o.packageName()
              + "' names a package, but '"
              + o.key()
              + "' is not a config group",
          origin,
          "a package (@…) only applies to config groups; drop it for a value");
    }
    ValueOverrides.ValueOverride.Kind kind =
        switch (o.type()) {
          case CHANGE -> ValueOverrides.ValueOverride.Kind.CHANGE;
          case ADD -> ValueOverrides.ValueOverride.Kind.ADD;
          case FORCE_ADD -> ValueOverrides.ValueOverride.Kind.FORCE_ADD;
          case DEL -> ValueOverrides.ValueOverride.Kind.DELETE;
        };
    ConfigNode value = null;
    if (o.value() instanceof Element element) {
      value = toNode(element.value(), origin);
    }
    return new ValueOverrides.ValueOverride(kind, o.key(), value, o.input(), origin);
  }

  /** A plain Java value from the override parser as a config node. */
  static ConfigNode toNode(Object value, Origin origin) {
    if (value instanceof Map<?, ?> map) {
      ConfigMap.Builder b = ConfigMap.builder(origin);
      map.forEach(
          (k, v) -> {
            if (k == null) {
              throw new ConfigException(
                  "A dict key cannot be null",
                  origin,
                  "quote the key to make it text: {'null': …}");
            }
            b.put(DictKeys.of(k), toNode(v, origin));
          });
      return b.build();
    }
    if (value instanceof List<?> list) {
      List<ConfigNode> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(toNode(item, origin));
      }
      return new ConfigList(items, origin);
    }
    return new ConfigValue(value, origin);
  }

  private static String stripExtension(String name) {
    for (String ext : ConfigRepository.EXTENSIONS) {
      if (name.endsWith("." + ext)) {
        return name.substring(0, name.length() - ext.length() - 1);
      }
    }
    return name;
  }
}
