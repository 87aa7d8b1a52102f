package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code hydra4j compare A B}: what differs between two runs, two sweeps or two jobs — the config
 * keys whose values differ (and what set them), the metrics with their change, the code (git
 * commit, branch, uncommitted changes) and the times. A sweep is compared through its first job's
 * config with the swept keys listed, and the means of its completed jobs.
 */
public final class RunCompare {

  private RunCompare() {}

  /** One side: a run or sweep, and optionally one job of it. */
  private record Side(
      String label,
      RecordedRun run,
      List<JobRow> jobs,
      Map<String, String> config,
      Map<String, String> origins,
      Map<String, Double> metrics,
      String metricsNote) {}

  /**
   * Prints the comparison; {@code jobA}/{@code jobB} pick a job of a sweep ({@code null}: the whole
   * run or sweep). Returns the exit code.
   */
  public static int print(Path a, Integer jobA, Path b, Integer jobB, int width, PrintStream out) {
    Side left = side(a, jobA);
    Side right = side(b, jobB);
    int w = width < 0 ? TerminalWidth.detect() : width;
    out.println("A  " + left.label());
    out.println("B  " + right.label());
    configDiff(left, right, w, out);
    metrics(left, right, w, out);
    out.println();
    out.println("code");
    code("A", left.run(), out);
    code("B", right.run(), out);
    out.println();
    out.println("time");
    time("A", left, out);
    time("B", right, out);
    return 0;
  }

  private static Side side(Path dir, Integer num) {
    // a job directory inside a sweep is that job of the sweep
    RecordedRun run = num == null ? RecordedRun.jobOf(dir) : null;
    if (run != null) {
      num = run.jobs().get(0).num();
    } else {
      run = num == null ? RecordedRun.open(dir) : RecordedRun.open(dir).only(num);
    }
    RunResults results = RunResults.read(run, new Harvester());
    List<JobRow> rows = results.rows();
    JobRow first = rows.get(0);
    Map<String, String> config = jobConfig(first.dir());
    Map<String, String> origins = origins(first, config);
    if (rows.size() > 1) {
      for (String key : results.sweptKeys()) {
        Set<String> values = new LinkedHashSet<>();
        rows.forEach(r -> values.add(MetricValues.format(r.params().get(key))));
        String swept = "swept " + key + ": " + String.join(", ", values);
        // a swept value, or a swept config group's option (its name is a key of jobConfig)
        config.put(key, "(swept) " + String.join(", ", values));
        origins.put(key, swept);
        for (String k : config.keySet()) {
          if (k.startsWith(key + ".")) {
            // the keys below it differ between jobs: these are the first job's
            origins.put(k, swept + " (job " + first.num() + "'s value)");
          }
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    int completed = 0;
    for (JobRow row : rows) {
      if (rows.size() > 1 && row.state() != JobState.COMPLETED) {
        continue;
      }
      completed++;
      row.metrics()
          .forEach(
              (name, value) -> {
                Double v = MetricValues.number(value);
                if (v != null) {
                  metrics.merge(name, v, Double::sum);
                }
              });
    }
    int n = completed;
    if (rows.size() > 1) {
      metrics.replaceAll((k, v) -> v / n);
    }
    RunMeta meta = RunMeta.readLeniently(run.dir());
    String label =
        Display.path(run.dir())
            + (num != null && run.kind() == RecordedRun.Kind.SWEEP ? " job " + num : "")
            + (meta.name() == null ? "" : "  (" + meta.name() + ")");
    return new Side(
        label,
        run,
        rows,
        config,
        origins,
        metrics,
        rows.size() > 1 ? "mean of " + n + " completed jobs" : null);
  }

  private static void configDiff(Side a, Side b, int width, PrintStream out) {
    Set<String> keys = new LinkedHashSet<>(a.config().keySet());
    keys.addAll(b.config().keySet());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String key : keys) {
      String x = a.config().get(key);
      String y = b.config().get(key);
      if (x != null && x.equals(y)) {
        continue;
      }
      String ox = a.origins().getOrDefault(key, "config");
      String oy = b.origins().getOrDefault(key, "config");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", key);
      row.put("A", x == null ? "(absent)" : x);
      row.put("B", y == null ? "(absent)" : y);
      row.put("set by", ox.equals(oy) ? ox : "A: " + ox + "; B: " + oy);
      rows.add(row);
    }
    out.println();
    if (rows.isEmpty()) {
      out.println("config: the same");
      return;
    }
    out.println("config (" + rows.size() + (rows.size() == 1 ? " key differs)" : " keys differ)"));
    out.print(
        ResultsFormat.TABLE
            .render(new ResultsTable(List.of("key", "A", "B", "set by"), rows), width)
            .indent(2));
  }

  private static void metrics(Side a, Side b, int width, PrintStream out) {
    Set<String> names = new LinkedHashSet<>(a.metrics().keySet());
    names.addAll(b.metrics().keySet());
    out.println();
    if (names.isEmpty()) {
      out.println("metrics: none reported");
      return;
    }
    String note =
        a.metricsNote() == null && b.metricsNote() == null
            ? ""
            : " (A: "
                + (a.metricsNote() == null ? "the job" : a.metricsNote())
                + "; B: "
                + (b.metricsNote() == null ? "the job" : b.metricsNote())
                + ")";
    out.println("metrics" + note);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String name : names) {
      Double x = a.metrics().get(name);
      Double y = b.metrics().get(name);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("metric", name);
      row.put("A", x);
      row.put("B", y);
      row.put("B-A", x == null || y == null ? null : y - x);
      row.put(
          "change",
          x == null || y == null || x == 0
              ? null
              : String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * (y - x) / Math.abs(x)));
      rows.add(row);
    }
    out.print(
        ResultsFormat.TABLE
            .render(new ResultsTable(List.of("metric", "A", "B", "B-A", "change"), rows), width)
            .indent(2));
  }

  private static void code(String letter, RecordedRun run, PrintStream out) {
    JsonNode git = RunFiles.json(run.dir().resolve(RunFiles.RUN_JSON));
    git = git == null ? null : git.get("git");
    String commit = RunFiles.text(git, "commit");
    if (commit == null) {
      out.println("  " + letter + ": no git commit recorded");
      return;
    }
    String branch = RunFiles.text(git, "branch");
    StringBuilder line =
        new StringBuilder(
            "  " + letter + ": commit " + commit + (branch == null ? "" : " (" + branch + ")"));
    boolean dirty = git.path("dirty").asBoolean(false);
    Path diff = run.dir().resolve(dev.hydra4j.run.GitInfo.DIFF_FILE);
    if (dirty && Files.isRegularFile(diff)) {
      line.append(", uncommitted changes in ")
          .append(Display.path(diff))
          .append(" (")
          .append(diffSummary(diff))
          .append(')');
    } else if (dirty) {
      line.append(", with uncommitted changes (not recorded)");
    } else {
      line.append(", clean");
    }
    out.println(line);
  }

  /** {@code 2 files, +10 -3}. */
  static String diffSummary(Path diff) {
    int files = 0;
    int added = 0;
    int removed = 0;
    try {
      for (String l : Files.readAllLines(diff)) {
        if (l.startsWith("diff --git ")) {
          files++;
        } else if (l.startsWith("+") && !l.startsWith("+++")) {
          added++;
        } else if (l.startsWith("-") && !l.startsWith("---")) {
          removed++;
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unreadable";
    }
    return files + (files == 1 ? " file, +" : " files, +") + added + " -" + removed;
  }

  private static void time(String letter, Side side, PrintStream out) {
    double seconds = 0;
    int timed = 0;
    for (JobRow row : side.jobs()) {
      if (row.seconds() != null) {
        seconds += row.seconds();
        timed++;
      }
    }
    String start = Dates.minute(RunFiles.start(side.run().dir()));
    out.println(
        "  "
            + letter
            + ": started "
            + start
            + ", "
            + (timed == 0
                ? "no job has ended"
                : timed == 1
                    ? String.format(java.util.Locale.ROOT, "%.1f s", seconds)
                    : String.format(java.util.Locale.ROOT, "%.1f s in %d jobs", seconds, timed)));
  }

  /** The job's resolved config as dotted keys and YAML-like values; empty when unreadable. */
  private static Map<String, String> flatConfig(Path jobDir) {
    Path file = jobDir.resolve(RunFiles.HYDRA_DIR).resolve(RunLayout.CONFIG);
    Map<String, String> out = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try {
      flatten(ConfigFiles.read(file, file.toString()).root(), "", out);
    } catch (ConfigException e) {
      out.put("(config)", "unreadable: " + e.getMessage());
    }
    return out;
  }

  private static void flatten(ConfigNode node, String prefix, Map<String, String> out) {
    if (node instanceof ConfigMap map && !map.isEmpty()) {
      map.entries().forEach((k, v) -> flatten(v, prefix.isEmpty() ? k : prefix + "." + k, out));
    } else if (node instanceof ConfigList list && !list.items().isEmpty()) {
      for (int i = 0; i < list.size(); i++) {
        flatten(list.get(i), prefix + "." + i, out);
      }
    } else if (node instanceof ConfigValue v) {
      out.put(prefix, MetricValues.format(v.value() == null ? "null" : v.value()));
    } else {
      out.put(prefix, node instanceof ConfigMap ? "{}" : "[]");
    }
  }

  /**
   * The job's resolved config as dotted keys, plus each config group it chose as a key of its own
   * ({@code model: large}), so that a different choice shows even where the keys it sets agree.
   */
  private static Map<String, String> jobConfig(Path jobDir) {
    Map<String, String> config = flatConfig(jobDir);
    config.putAll(choices(jobDir));
    return config;
  }

  /** What set each key: an override of the job, or the option chosen for its group. */
  private static Map<String, String> origins(JobRow job, Map<String, String> config) {
    Map<String, String> origins = new LinkedHashMap<>();
    Map<String, String> choices = choices(job.dir());
    choices.keySet().forEach(group -> origins.put(group, "defaults list"));
    for (String key : config.keySet()) {
      for (Map.Entry<String, String> choice : choices.entrySet()) {
        String group = choice.getKey().replace('/', '.');
        if (key.startsWith(group + ".")) {
          origins.put(key, choice.getKey() + "=" + choice.getValue());
        }
      }
    }
    job.params()
        .forEach(
            (key, value) -> {
              for (String k : config.keySet()) {
                if (k.equals(key) || k.startsWith(key + ".")) {
                  origins.put(k, "override " + key + "=" + MetricValues.format(value));
                }
              }
            });
    return origins;
  }

  private static Map<String, String> choices(Path jobDir) {
    Path file = jobDir.resolve(RunFiles.HYDRA_DIR).resolve(RunLayout.HYDRA_CONFIG);
    Map<String, String> out = new LinkedHashMap<>();
    try {
      ConfigNode hydra = ConfigFiles.read(file, file.toString()).root().get("hydra");
      if (hydra instanceof ConfigMap h
          && h.get("runtime") instanceof ConfigMap r
          && r.get("choices") instanceof ConfigMap c) {
        c.entries()
            .forEach(
                (k, v) -> {
                  if (!k.startsWith("hydra/")
                      && v instanceof ConfigValue value
                      && value.value() != null) {
                    out.put(k, String.valueOf(value.value()));
                  }
                });
      }
    } catch (ConfigException | java.io.UncheckedIOException e) {
      // no choices known: keys show as set by the config
    }
    return out;
  }
}
