package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.RunLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the rules of {@code hydra.results.metrics}: a list of mappings, each with exactly one of
 * {@code json}, {@code csv} or {@code regex}. A mistake is a {@link ConfigException} pointing at
 * the rule's line in the job's {@code .hydra/hydra.yaml}.
 */
final class MetricRules {

  private static final Set<String> JSON_KEYS = Set.of("json", "path", "name");
  private static final Set<String> CSV_KEYS = Set.of("csv", "column", "name", "step");
  private static final Set<String> REGEX_KEYS = Set.of("regex", "file", "name", "match");
  private static final String DEFAULT_LOG = RunLayout.STDOUT;

  private MetricRules() {}

  /** The rules in {@code node}: a list, or null/absent for none. */
  static List<MetricRule> parse(ConfigNode node) {
    if (node == null || node instanceof ConfigValue v && v.isNull()) {
      return List.of();
    }
    if (!(node instanceof ConfigList list)) {
      throw new ConfigException(
          "hydra.results.metrics must be a list of rules",
          origin(node),
          "write e.g. metrics: [{regex: 'score: (?<score>[0-9.]+)'}]");
    }
    List<MetricRule> rules = new ArrayList<>();
    for (ConfigNode item : list.items()) {
      rules.add(rule(item));
    }
    return List.copyOf(rules);
  }

  private static MetricRule rule(ConfigNode item) {
    if (!(item instanceof ConfigMap map)) {
      throw new ConfigException(
          "A metrics rule must be a mapping, not '" + item + "'",
          origin(item),
          "write {json: FILE, path: KEY}, {csv: FILE, column: NAME} or"
              + " {regex: PATTERN, file: stdout.log}");
    }
    int kinds = (map.has("json") ? 1 : 0) + (map.has("csv") ? 1 : 0) + (map.has("regex") ? 1 : 0);
    if (kinds != 1) {
      throw new ConfigException(
          "A metrics rule needs exactly one of json, csv or regex; this"
              + " one has keys "
              + map.keys(),
          origin(map),
          "write {json: FILE, path: KEY}, {csv: FILE, column: NAME} or"
              + " {regex: PATTERN, file: stdout.log}");
    }
    if (map.has("json")) {
      checkKeys(map, JSON_KEYS);
      return new MetricRule.JsonRule(
          file(map, "json"), text(map, "path", false), text(map, "name", false));
    }
    if (map.has("csv")) {
      checkKeys(map, CSV_KEYS);
      return new MetricRule.CsvRule(
          file(map, "csv"),
          text(map, "column", false),
          text(map, "name", false),
          text(map, "step", false));
    }
    checkKeys(map, REGEX_KEYS);
    String regex = text(map, "regex", true);
    String file = map.has("file") ? file(map, "file") : null;
    String name = text(map, "name", false);
    String match = text(map, "match", false);
    if (match != null && !match.equals("first") && !match.equals("last")) {
      throw new ConfigException(
          "match must be first or last, not '" + match + "'",
          origin(map.get("match")),
          "the default is last: the final score a log prints");
    }
    List<String> groups = new ArrayList<>();
    List<String> javaGroups = new ArrayList<>();
    String javaRegex = javaGroupNames(regex, groups, javaGroups);
    Pattern pattern;
    try {
      pattern = Pattern.compile(javaRegex, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      // Java's index would point into the renamed pattern, not the one written.
      throw new ConfigException(
          "The regex '" + regex + "' is not valid: " + e.getDescription(),
          origin(map.get("regex")),
          "Java regex syntax; Python's (?P<name>…) works too, e.g. 'score: (?P<score>[0-9.]+)'");
    }
    if (groups.isEmpty() && name == null) {
      throw new ConfigException(
          "The regex '" + regex + "' names no metric",
          origin(map),
          "name a group, e.g. 'PDM score: (?<pdm>[0-9.]+)', or add name: pdm");
    }
    return new MetricRule.RegexRule(
        file == null ? DEFAULT_LOG : file,
        pattern,
        regex,
        groups,
        javaGroups,
        name,
        "first".equals(match));
  }

  /**
   * The regex with its named groups renamed {@code g0, g1, …} for Java, which allows neither
   * Python's {@code (?P<name>…)} and {@code (?P=name)} nor underscores in group names; the user's
   * names go to {@code groups}, Java's to {@code javaGroups}.
   */
  static String javaGroupNames(String regex, List<String> groups, List<String> javaGroups) {
    Matcher m = GROUP.matcher(regex);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int backslashes = 0;
      for (int i = m.start() - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
        backslashes++;
      }
      String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      String replacement;
      if (backslashes % 2 == 1) {
        replacement = m.group();
      } else if (m.group(2) != null) {
        replacement = "(?<g" + groups.size() + ">";
        groups.add(name);
        javaGroups.add("g" + (groups.size() - 1));
      } else {
        int at = groups.indexOf(name);
        replacement = at < 0 ? m.group() : "\\k<g" + at + ">";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  // (?<name> or (?P<name> ; (?P=name) ; \k<name>
  private static final Pattern GROUP =
      Pattern.compile(
          "(\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>)|\\(\\?P=([A-Za-z_][A-Za-z0-9_]*)\\)"
              + "|\\\\k<([A-Za-z_][A-Za-z0-9_]*)>");

  /** A file a rule reads: relative, and inside the job directory. */
  private static String file(ConfigMap map, String key) {
    String file = text(map, key, true);
    String norm = file.replace('\\', '/');
    boolean escapes = norm.startsWith("/") || java.nio.file.Path.of(file).isAbsolute();
    int depth = 0;
    for (String part : norm.split("/")) {
      depth += part.equals("..") ? -1 : part.isEmpty() || part.equals(".") ? 0 : 1;
      escapes |= depth < 0;
    }
    if (escapes) {
      throw new ConfigException(
          "The metrics rule's file '" + file + "' is outside the job" + " directory",
          origin(map.get(key)),
          "give a path relative to the job directory,"
              + " e.g. eval/results.json; a job writes its files into $HYDRA4J_JOB_DIR");
    }
    return file;
  }

  private static void checkKeys(ConfigMap map, Set<String> allowed) {
    for (String key : map.keys()) {
      if (!allowed.contains(key)) {
        throw new ConfigException(
            "Unknown key '" + key + "' in a metrics rule",
            origin(map.get(key)),
            "this kind of rule takes " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static String text(ConfigMap map, String key, boolean required) {
    ConfigNode node = map.get(key);
    if (node == null || node instanceof ConfigValue v && v.isNull()) {
      if (required) {
        throw new ConfigException("The metrics rule needs '" + key + "'", origin(map), null);
      }
      return null;
    }
    if (!(node instanceof ConfigValue v)) {
      throw new ConfigException("'" + key + "' of a metrics rule must be text", origin(node), null);
    }
    String text = String.valueOf(v.value());
    if (text.isEmpty()) {
      throw new ConfigException("'" + key + "' of a metrics rule is empty", origin(node), null);
    }
    return text;
  }

  private static Origin origin(ConfigNode node) {
    return node == null ? Origin.of("hydra.results.metrics") : node.origin();
  }
}
