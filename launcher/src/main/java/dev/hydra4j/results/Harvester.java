package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one job's metrics: the curves the job appended to {@code metrics.jsonl} (each also a
 * value, by {@link CurveAgg}), the {@code metrics.json} it wrote (nested keys flattened to dotted
 * names), then what each harvest rule finds in its outputs — the rules recorded with the job, and
 * the rules given now (the current config tree's, or {@code --rules FILE}), so a rule written after
 * a sweep still reads it. A rule's value wins over metrics.json's for the same name. Nothing here
 * throws: every failure becomes a one-line problem of that job.
 */
final class Harvester {

  private final RuleSource rules = new RuleSource();
  private final HarvestRules.Given given;
  private final CurveAgg agg;

  Harvester() {
    this(HarvestRules.Given.NONE, CurveAgg.LAST);
  }

  Harvester(HarvestRules.Given given, CurveAgg agg) {
    this.given = given;
    this.agg = agg;
  }

  /**
   * The metrics of a job and what went wrong finding them.
   *
   * @param values metric values by name, in the order found
   * @param curves the metrics the job logged over time, by name
   * @param problems one line per file or rule that could not be read
   * @param reported whether the job reported anything: a metrics file or a rule to apply
   * @param sources for each metric a rule produced, the rule and where it was given
   */
  record JobMetrics(
      Map<String, Object> values,
      Map<String, List<CurvePoint>> curves,
      List<String> problems,
      boolean reported,
      Map<String, String> sources) {
    JobMetrics {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
      curves = Collections.unmodifiableMap(new LinkedHashMap<>(curves));
      problems = List.copyOf(problems);
      sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }
  }

  JobMetrics harvest(Path jobDir) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, List<CurvePoint>> curves = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    boolean reported = readLog(jobDir, curves, problems);
    if (agg == CurveAgg.LAST) {
      aggregate(curves, values);
    }
    reported |= readMetricsJson(jobDir, values, problems);
    List<MetricRule> recorded;
    try {
      recorded = rules.rules(jobDir);
    } catch (ConfigException e) {
      problems.add(
          "hydra.results.metrics: "
              + e.getMessage()
              + (e.origin() == null ? "" : " (" + e.origin() + ")"));
      recorded = List.of();
    }
    Set<String> seen = new HashSet<>();
    for (MetricRule rule : recorded) {
      seen.add(rule.toString());
      reported |= apply(rule, "recorded with the run", jobDir, values, curves, sources, problems);
    }
    for (HarvestRules.Labelled rule : given.rules()) {
      if (seen.add(rule.rule().toString())) {
        reported |= apply(rule.rule(), rule.label(), jobDir, values, curves, sources, problems);
      }
    }
    if (agg != CurveAgg.LAST) {
      aggregate(curves, values);
    }
    return new JobMetrics(values, curves, problems, reported, sources);
  }

  private boolean apply(
      MetricRule rule,
      String label,
      Path jobDir,
      Map<String, Object> values,
      Map<String, List<CurvePoint>> curves,
      Map<String, String> sources,
      List<String> problems) {
    Map<String, Object> found = new LinkedHashMap<>();
    try {
      rule.harvest(jobDir, found, curves);
    } catch (MetricRule.RuleFailure e) {
      problems.add(e.getMessage());
    }
    values.putAll(found);
    for (String name : found.keySet()) {
      sources.put(name, rule.describe() + " (" + label + ")");
    }
    return true;
  }

  private void aggregate(Map<String, List<CurvePoint>> curves, Map<String, Object> values) {
    curves.forEach(
        (name, curve) -> {
          if (!curve.isEmpty()) {
            values.put(name, agg.of(name, curve));
          }
        });
  }

  private static boolean readLog(
      Path jobDir, Map<String, List<CurvePoint>> curves, List<String> problems) {
    Path file = jobDir.resolve(MetricsLog.FILE);
    if (!Files.exists(file)) {
      return false; // as for metrics.json: no exception for each job without one
    }
    String text;
    try {
      text = LogText.read(file);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      problems.add("cannot read " + MetricsLog.FILE + ": " + e.getMessage());
      return true;
    }
    curves.putAll(MetricsLog.parse(text, problems));
    return true;
  }

  private static boolean readMetricsJson(
      Path jobDir, Map<String, Object> values, List<String> problems) {
    Path file = jobDir.resolve(RunFiles.METRICS_JSON);
    if (!Files.exists(file)) {
      return false; // most jobs of a sweep may have none: no exception thrown for each
    }
    try {
      JsonNode metrics = RunFiles.readJson(file);
      if (metrics.isObject()) {
        MetricsJson.flatten(metrics, "", values);
      } else {
        problems.add(RunFiles.METRICS_JSON + " is not a JSON object");
      }
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      problems.add(RunFiles.METRICS_JSON + " is not valid JSON: " + firstLine(e.getMessage()));
    }
    return true;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
