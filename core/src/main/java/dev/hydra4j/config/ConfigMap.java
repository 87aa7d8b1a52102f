package dev.hydra4j.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An immutable, insertion-ordered mapping from keys to nodes. */
public final class ConfigMap implements ConfigNode {

  private final Map<String, ConfigNode> entries;
  private final Origin origin;

  private ConfigMap(Map<String, ConfigNode> owned, Origin origin) {
    this.entries = Collections.unmodifiableMap(owned);
    this.origin = origin == null ? Origin.BUILT_IN : origin;
  }

  /** A map holding a copy of {@code entries}, in their iteration order. */
  public static ConfigMap of(Map<String, ? extends ConfigNode> entries, Origin origin) {
    return new ConfigMap(new LinkedHashMap<>(entries), origin);
  }

  public static ConfigMap empty(Origin origin) {
    return new ConfigMap(new LinkedHashMap<>(), origin);
  }

  /** Builds a map without a defensive copy per entry. */
  public static Builder builder(Origin origin) {
    return new Builder(origin);
  }

  public Map<String, ConfigNode> entries() {
    return entries;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public ConfigNode get(String key) {
    return entries.get(key);
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** This map with {@code key} set; an existing key keeps its position. */
  public ConfigMap with(String key, ConfigNode node) {
    LinkedHashMap<String, ConfigNode> copy = new LinkedHashMap<>(entries);
    copy.put(key, node);
    return new ConfigMap(copy, origin);
  }

  /**
   * This map with every entry of {@code changes} set, in their order: what repeated {@link #with}
   * calls give, copied once.
   */
  public ConfigMap withAll(Map<String, ? extends ConfigNode> changes) {
    LinkedHashMap<String, ConfigNode> copy = new LinkedHashMap<>(entries);
    copy.putAll(changes);
    return new ConfigMap(copy, origin);
  }

  public ConfigMap without(String key) {
    if (!entries.containsKey(key)) {
      return this;
    }
    LinkedHashMap<String, ConfigNode> copy = new LinkedHashMap<>(entries);
    copy.remove(key);
    return new ConfigMap(copy, origin);
  }

  @Override
  public Origin origin() {
    return origin;
  }

  @Override
  public ConfigMap withOrigin(Origin newOrigin) {
    return new ConfigMap(new LinkedHashMap<>(entries), newOrigin);
  }

  /** Equality of contents, ignoring origins; key order does not matter. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigMap other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }

  /** Collects entries, then hands them over to one immutable map. */
  public static final class Builder {
    private LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
    private final Origin origin;

    private Builder(Origin origin) {
      this.origin = origin;
    }

    public Builder put(String key, ConfigNode node) {
      entries.put(key, node);
      return this;
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    public ConfigMap build() {
      ConfigMap map = new ConfigMap(entries, origin);
      entries = new LinkedHashMap<>();
      return map;
    }
  }
}
