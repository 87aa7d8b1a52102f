package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way to find metrics in a job's outputs, from an entry of {@code hydra.results.metrics}. Each
 * rule reads one file relative to the job directory and either adds metrics or says, in one line,
 * why it could not.
 */
sealed interface MetricRule {

  /** The file this rule reads, relative to the job directory. */
  String file();

  /** A short description for messages: {@code regex 'PDM score: …' in stdout.log}. */
  String describe();

  /** Adds what the rule finds in {@code text} (the file's content) to {@code into}. */
  void apply(String text, Map<String, Object> into) throws RuleFailure;

  /** Why a rule found nothing: the message names the file and what was missing. */
  final class RuleFailure extends Exception {
    RuleFailure(String message) {
      super(message);
    }
  }

  /** Adds the curves the rule finds in {@code text}; only a CSV rule with a step has any. */
  default void applyCurves(String text, Map<String, List<CurvePoint>> into) {}

  /** Reads the rule's file from {@code jobDir} and applies the rule. */
  default void harvest(Path jobDir, Map<String, Object> into, Map<String, List<CurvePoint>> curves)
      throws RuleFailure {
    Path path = jobDir.resolve(file());
    String text;
    try {
      text = LogText.read(path);
    } catch (NoSuchFileException e) {
      throw new RuleFailure(describe() + ": " + file() + " does not exist");
    } catch (IOException e) {
      throw new RuleFailure(describe() + ": cannot read " + file() + ": " + e.getMessage());
    }
    apply(text, into);
    applyCurves(text, curves);
  }

  /**
   * {@code {json: FILE, path: a.b, name: N}}: the value at a dotted path in a JSON file (a number
   * in the path picks a list element); without a path, every leaf, flattened.
   */
  record JsonRule(String file, String path, String name) implements MetricRule {
    @Override
    public String describe() {
      return "json " + file + (path == null ? "" : " path " + path);
    }

    @Override
    public void apply(String text, Map<String, Object> into) throws RuleFailure {
      JsonNode node;
      try {
        node = RunFiles.parseJson(text);
      } catch (IOException e) {
        throw new RuleFailure(file + " is not valid JSON: " + firstLine(e.getMessage()));
      }
      if (path == null) {
        MetricsJson.flatten(node, name == null ? "" : name, into);
        return;
      }
      JsonNode at = node;
      StringBuilder walked = new StringBuilder();
      for (String segment : path.split("\\.")) {
        JsonNode next =
            at.isArray() && segment.matches("\\d+")
                ? at.get(Integer.parseInt(segment))
                : at.get(segment);
        if (next == null) {
          throw new RuleFailure(
              file
                  + " has no '"
                  + path
                  + "'"
                  + (walked.length() == 0 ? "" : " (stopped after '" + walked + "')")
                  + "; keys there: "
                  + keys(at));
        }
        walked.append(walked.length() == 0 ? "" : ".").append(segment);
        at = next;
      }
      String key = name != null ? name : path;
      if (at.isObject()) {
        MetricsJson.flatten(at, key, into);
        return;
      }
      Object value = MetricsJson.leaf(at);
      if (value == null) {
        throw new RuleFailure(
            file
                + " '"
                + path
                + "' is "
                + (at.isNull() ? "null" : "a list")
                + ", not a number or text");
      }
      into.put(key, value);
    }

    private static String keys(JsonNode node) {
      if (node.isArray()) {
        return "a list of " + node.size();
      }
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
  }

  /**
   * {@code {csv: FILE, column: C, name: N, step: S}}: the last row of a CSV file with a header
   * line; one column, or every column when none is named. Header names are stripped of blanks
   * (training libraries pad them). With a {@code step} column, every row is also a point of the
   * metric's curve.
   */
  record CsvRule(String file, String column, String name, String step) implements MetricRule {
    CsvRule(String file, String column, String name) {
      this(file, column, name, null);
    }

    @Override
    public String describe() {
      return "csv "
          + file
          + (column == null ? "" : " column " + column)
          + (step == null ? "" : " by " + step);
    }

    @Override
    public void applyCurves(String text, Map<String, List<CurvePoint>> into) {
      if (step == null) {
        return;
      }
      List<List<String>> records = CsvRecords.parse(text);
      if (records.size() < 2) {
        return;
      }
      List<String> header = records.get(0).stream().map(String::strip).toList();
      int stepAt = header.indexOf(step);
      if (stepAt < 0) {
        return;
      }
      for (int i = 0; i < header.size(); i++) {
        String col = header.get(i);
        if (i == stepAt || column != null && !column.equals(col)) {
          continue;
        }
        String metric =
            column != null ? (name != null ? name : col) : name == null ? col : name + "." + col;
        List<CurvePoint> curve = new ArrayList<>();
        for (List<String> row : records.subList(1, records.size())) {
          Double x =
              row.size() > stepAt ? MetricValues.number(MetricValues.parse(row.get(stepAt))) : null;
          Double y = row.size() > i ? MetricValues.number(MetricValues.parse(row.get(i))) : null;
          if (x != null && y != null) {
            curve.add(new CurvePoint(x, null, y));
          }
        }
        if (!curve.isEmpty()) {
          into.put(metric, curve);
        }
      }
    }

    @Override
    public void apply(String text, Map<String, Object> into) throws RuleFailure {
      List<List<String>> records = CsvRecords.parse(text);
      if (records.size() < 2) {
        throw new RuleFailure(file + " has " + (records.isEmpty() ? "no header" : "no data rows"));
      }
      List<String> header = records.get(0).stream().map(String::strip).toList();
      List<String> last = records.get(records.size() - 1);
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < last.size(); i++) {
        row.put(header.get(i), last.get(i).isBlank() ? null : MetricValues.parse(last.get(i)));
      }
      if (column == null) {
        row.forEach(
            (k, v) -> {
              if (v != null && !k.equals(step)) {
                into.put(name == null ? k : name + "." + k, v);
              }
            });
        return;
      }
      if (step != null && !header.contains(step)) {
        throw new RuleFailure(
            file + " has no step column '" + step + "'; columns: " + String.join(", ", header));
      }
      if (!header.contains(column)) {
        throw new RuleFailure(
            file + " has no column '" + column + "'; columns: " + String.join(", ", header));
      }
      Object value = row.get(column);
      if (value == null) {
        throw new RuleFailure(file + " column '" + column + "' is empty in the last row");
      }
      into.put(name != null ? name : column, value);
    }
  }

  /**
   * {@code {regex: PATTERN, file: stdout.log, name: N, match: last}}: a regular expression over a
   * text file; each named group is a metric (the last match by default, as a log prints its final
   * score last). Without named groups, group 1 (or the whole match) is the metric {@code name}.
   *
   * @param written the pattern as the user wrote it
   * @param groups the user's group names, in order
   * @param javaGroups the names Java knows those groups by in {@code pattern}
   */
  record RegexRule(
      String file,
      Pattern pattern,
      String written,
      List<String> groups,
      List<String> javaGroups,
      String name,
      boolean first)
      implements MetricRule {
    public RegexRule {
      groups = List.copyOf(groups);
      javaGroups = List.copyOf(javaGroups);
    }

    RegexRule(String file, Pattern pattern, String name, boolean first) {
      this(
          file,
          pattern,
          pattern.pattern(),
          groupNames(pattern.pattern()),
          groupNames(pattern.pattern()),
          name,
          first);
    }

    @Override
    public String describe() {
      return "regex '" + written + "' in " + file;
    }

    @Override
    public void apply(String text, Map<String, Object> into) throws RuleFailure {
      Matcher m = pattern.matcher(text);
      int at = -1;
      while (m.find()) {
        at = m.start();
        if (first) {
          break;
        }
      }
      if (at < 0) {
        throw new RuleFailure(describe() + ": no line matches");
      }
      m.find(at);
      if (groups.isEmpty() || name != null && groups.size() == 1) {
        String value =
            groups.isEmpty() ? m.group(Math.min(1, m.groupCount())) : m.group(javaGroups.get(0));
        if (value == null) {
          throw new RuleFailure(describe() + ": the group matched nothing");
        }
        into.put(name, MetricValues.parse(value));
        return;
      }
      for (int i = 0; i < groups.size(); i++) {
        String value = m.group(javaGroups.get(i));
        if (value != null) {
          into.put(groups.get(i), MetricValues.parse(value));
        }
      }
    }

    /** The names of {@code (?<name>…)} groups, in order (Java 17 cannot list them). */
    static List<String> groupNames(String regex) {
      List<String> names = new ArrayList<>();
      Matcher m = GROUP_NAME.matcher(regex);
      while (m.find()) {
        int backslashes = 0;
        for (int i = m.start() - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
          backslashes++;
        }
        if (backslashes % 2 == 0) {
          names.add(m.group(1));
        }
      }
      return names;
    }

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
