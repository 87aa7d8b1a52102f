package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code collect --group-by KEY…} (or {@code --over KEY…}): one row per combination of the group
 * keys, with the number of jobs and, for each numeric metric, its mean, standard deviation and 95%
 * confidence half-width over the group's jobs. {@code --over seed} groups by every swept key but
 * {@code seed}: the usual "average my seeds".
 */
final class GroupedTable {

  static final String N = "n";

  private GroupedTable() {}

  /** The group keys for {@code groupBy} or {@code over}; checked against the parameters. */
  static List<String> keys(RunResults results, List<String> groupBy, List<String> over) {
    for (String key : concat(groupBy, over)) {
      if (!results.paramKeys().contains(key)) {
        throw new ConfigException(
            "No job has a parameter '" + key + "'",
            Origin.of((groupBy.contains(key) ? "--group-by " : "--over ") + key),
            "parameters: " + String.join(", ", results.paramKeys()));
      }
    }
    if (!groupBy.isEmpty()) {
      return List.copyOf(groupBy);
    }
    List<String> keys = new ArrayList<>(results.sweptKeys());
    keys.removeAll(over);
    return keys;
  }

  /** Groups the rows of {@code jobs} (already filtered) by {@code keys}. */
  static ResultsTable of(ResultsTable jobs, List<String> keys, List<String> metrics) {
    Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> row : jobs.rows()) {
      List<Object> key = new ArrayList<>();
      for (String k : keys) {
        key.add(row.get(k));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<String> numeric = new ArrayList<>();
    for (String metric : metrics) {
      if (jobs.rows().stream().anyMatch(r -> MetricValues.isNumber(r.get(metric)))) {
        numeric.add(metric);
      }
    }
    List<String> columns = new ArrayList<>(keys);
    columns.add(N);
    for (String metric : numeric) {
      columns.addAll(List.of(metric + ".mean", metric + ".std", metric + ".ci95"));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Map<String, Object>>> group : groups.entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        row.put(keys.get(i), group.getKey().get(i));
      }
      row.put(N, (long) group.getValue().size());
      for (String metric : numeric) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Object> job : group.getValue()) {
          Double v = MetricValues.number(job.get(metric));
          if (v != null && !v.isNaN()) {
            values.add(v);
          }
        }
        if (!values.isEmpty()) {
          GroupStats stats = GroupStats.of(values);
          row.put(metric + ".mean", stats.mean());
          row.put(metric + ".std", stats.std());
          row.put(metric + ".ci95", stats.ci95());
        }
      }
      rows.add(row);
    }
    return new ResultsTable(columns, rows);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
