package dev.hydra4j.sweep;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.override.SweepItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the grid's axes: every swept override is its own axis, except keys zipped together ({@code
 * --zip a,b}), which share one axis and must have equal lengths.
 */
final class Zip {

  private Zip() {}

  static List<Axis> axes(
      List<ParsedOverride> overrides, List<List<SweepItem>> items, List<List<String>> zipGroups) {
    Map<String, Integer> positionByKey = new HashMap<>();
    for (int i = 0; i < overrides.size(); i++) {
      if (items.get(i) != null) {
        ParsedOverride o = overrides.get(i);
        positionByKey.put(o.packageName() == null ? o.key() : o.key() + "@" + o.packageName(), i);
      }
    }
    Map<Integer, Integer> groupOf = new HashMap<>();
    for (int g = 0; g < zipGroups.size(); g++) {
      List<String> group = zipGroups.get(g);
      if (group.size() < 2) {
        throw new ConfigException(
            "--zip needs at least two keys, got '" + String.join(",", group) + "'",
            Origin.of("--zip " + String.join(",", group)),
            "e.g. --zip training.lr,training.batch_size");
      }
      Integer length = null;
      String first = null;
      for (String key : group) {
        Integer p = positionByKey.get(key);
        if (p == null) {
          throw new ConfigException(
              "--zip names '" + key + "', which is not swept",
              Origin.of("--zip " + String.join(",", group)),
              "swept keys: " + String.join(", ", positionByKey.keySet()));
        }
        if (groupOf.containsKey(p)) {
          throw new ConfigException(
              "'" + key + "' is in two --zip groups",
              Origin.of("--zip " + String.join(",", group)),
              "zip each key once");
        }
        int size = items.get(p).size();
        if (length != null && size != length) {
          throw new ConfigException(
              "--zip needs sweeps of equal length: '"
                  + first
                  + "' has "
                  + length
                  + " values, '"
                  + key
                  + "' has "
                  + size,
              Origin.of("--zip " + String.join(",", group)),
              "give both keys the same number of values");
        }
        length = size;
        first = first == null ? key : first;
        groupOf.put(p, g);
      }
    }
    Map<Integer, List<Integer>> zipped = new LinkedHashMap<>();
    List<Axis> axes = new ArrayList<>();
    List<Object> order = new ArrayList<>();
    for (int i = 0; i < overrides.size(); i++) {
      if (items.get(i) == null) {
        continue;
      }
      Integer g = groupOf.get(i);
      if (g == null) {
        order.add(List.of(i));
      } else if (!zipped.containsKey(g)) {
        List<Integer> members = new ArrayList<>();
        zipped.put(g, members);
        order.add(members);
        members.add(i);
      } else {
        zipped.get(g).add(i);
      }
    }
    for (Object o : order) {
      @SuppressWarnings("unchecked")
      List<Integer> positions = (List<Integer>) o;
      axes.add(new Axis(List.copyOf(positions), items.get(positions.get(0)).size()));
    }
    return axes;
  }
}
