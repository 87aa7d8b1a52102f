package dev.hydra4j.interpolate;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable registry of named resolvers. Start from {@link #builtIn()} (or {@link #none()}) and
 * add your own with {@link #with}; each call returns a new registry.
 */
public final class Resolvers {

  private static final Resolvers NONE = new Resolvers(new TreeMap<>());
  private static final Resolvers BUILT_IN = new Resolvers(BuiltInResolvers.table());

  private final Map<String, Resolver> byName;

  private Resolvers(Map<String, Resolver> owned) {
    this.byName = Collections.unmodifiableMap(owned);
  }

  /** No resolvers at all. */
  public static Resolvers none() {
    return NONE;
  }

  /**
   * OmegaConf's and Hydra's resolvers: {@code oc.env}, {@code oc.select}, {@code oc.decode}, {@code
   * oc.create}, {@code oc.dict.keys}, {@code oc.dict.values}, {@code now} and {@code hydra}.
   */
  public static Resolvers builtIn() {
    return BUILT_IN;
  }

  /**
   * This registry plus {@code resolver} under {@code name}, replacing any resolver of that name.
   */
  public Resolvers with(String name, Resolver resolver) {
    Objects.requireNonNull(resolver, "resolver");
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*")) {
      throw new IllegalArgumentException("not a valid resolver name: '" + name + "'");
    }
    TreeMap<String, Resolver> copy = new TreeMap<>(byName);
    copy.put(name, resolver);
    return new Resolvers(copy);
  }

  /** The resolver registered as {@code name}, or {@code null}. */
  public Resolver find(String name) {
    return byName.get(name);
  }

  /** Registered names, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }
}
