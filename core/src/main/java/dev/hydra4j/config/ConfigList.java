package dev.hydra4j.config;

import java.util.ArrayList;
import java.util.List;

/** An immutable list of nodes. Lists are replaced, never merged, as in OmegaConf. */
public record ConfigList(List<ConfigNode> items, Origin origin) implements ConfigNode {

  public ConfigList {
    items = List.copyOf(items);
    if (origin == null) {
      origin = Origin.BUILT_IN;
    }
  }

  public static ConfigList empty(Origin origin) {
    return new ConfigList(List.of(), origin);
  }

  public int size() {
    return items.size();
  }

  public ConfigNode get(int index) {
    return items.get(index);
  }

  public ConfigList with(int index, ConfigNode node) {
    List<ConfigNode> copy = new ArrayList<>(items);
    copy.set(index, node);
    return new ConfigList(copy, origin);
  }

  public ConfigList without(int index) {
    List<ConfigNode> copy = new ArrayList<>(items);
    copy.remove(index);
    return new ConfigList(copy, origin);
  }

  public ConfigList append(ConfigNode node) {
    List<ConfigNode> copy = new ArrayList<>(items);
    copy.add(node);
    return new ConfigList(copy, origin);
  }

  @Override
  public ConfigList withOrigin(Origin newOrigin) {
    return new ConfigList(items, newOrigin);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigList other && items.equals(other.items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }
}
