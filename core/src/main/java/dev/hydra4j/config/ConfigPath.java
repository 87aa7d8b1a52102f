package dev.hydra4j.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted key such as {@code training.lr} or {@code layers.0.size} ({@code layers[0]} is accepted
 * too), split into its segments.
 */
public record ConfigPath(List<String> segments) {

  public static final ConfigPath ROOT = new ConfigPath(List.of());

  public ConfigPath {
    segments = List.copyOf(segments);
  }

  public static ConfigPath parse(String dotted) {
    if (dotted == null || dotted.isEmpty()) {
      return ROOT;
    }
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < dotted.length(); i++) {
      char c = dotted.charAt(i);
      if (c == '.') {
        parts.add(current.toString());
        current.setLength(0);
      } else if (c == '[') {
        if (current.length() > 0) {
          parts.add(current.toString());
          current.setLength(0);
        }
        int close = dotted.indexOf(']', i);
        if (close < 0) {
          close = dotted.length();
        }
        parts.add(dotted.substring(i + 1, close));
        i = close;
        if (i + 1 < dotted.length() && dotted.charAt(i + 1) == '.') {
          i++;
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0 || dotted.endsWith(".")) {
      parts.add(current.toString());
    }
    return new ConfigPath(parts);
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  public int size() {
    return segments.size();
  }

  public String last() {
    return segments.get(segments.size() - 1);
  }

  public ConfigPath parent() {
    return new ConfigPath(segments.subList(0, Math.max(0, segments.size() - 1)));
  }

  public ConfigPath child(String segment) {
    List<String> more = new ArrayList<>(segments);
    more.add(segment);
    return new ConfigPath(more);
  }

  public ConfigPath resolve(ConfigPath other) {
    List<String> more = new ArrayList<>(segments);
    more.addAll(other.segments);
    return new ConfigPath(more);
  }

  /*
   * equals and hashCode are written out (with the values a record's own give): a record's are
   * linked by an invokedynamic bootstrap on first use, ~8 ms of every run that resolves a config.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof ConfigPath path && segments.equals(path.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return String.join(".", segments);
  }
}
