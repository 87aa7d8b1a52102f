package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.JobState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code report DIR}: one self-contained HTML file — styles inline, plots as base64 PNG, no script
 * and nothing fetched from the network — with the run's record, a status overview, the results
 * table, a plot of each metric against each swept parameter, and the problems. It can be mailed,
 * attached to an issue or opened offline on a cluster's login node.
 */
public final class HtmlReport {

  private static final Map<JobState, String> COLORS =
      Map.of(
          JobState.COMPLETED,
          "#2e9e44",
          JobState.FAILED,
          "#d0312d",
          JobState.RUNNING,
          "#2f6fd6",
          JobState.PENDING,
          "#b8b8b8",
          JobState.TIMEOUT,
          "#e07b00",
          JobState.CANCELLED,
          "#7a5c99",
          JobState.INTERRUPTED,
          "#9a7d0a",
          JobState.OUT_OF_MEMORY,
          "#a3001b",
          JobState.NODE_FAIL,
          "#5a5a5a",
          JobState.PREEMPTED,
          "#0a8f8f");

  private HtmlReport() {}

  /**
   * Writes the report of the run or sweep in {@code dir} to {@code target} ({@code null}: {@code
   * DIR/report.html}); returns the exit code.
   */
  public static int write(Path dir, Path target, PrintStream out) {
    return write(dir, target, HarvestRules.none(), List.of(), List.of(), out);
  }

  /**
   * Like {@link #write(Path, Path, PrintStream)}, with rules given now and learning curves grouped
   * by {@code groupBy} (or over {@code over}: by every other swept key).
   */
  public static int write(
      Path dir,
      Path target,
      HarvestRules.Given rules,
      List<String> groupBy,
      List<String> over,
      PrintStream out) {
    RunResults results =
        RunResults.read(RecordedRun.open(dir), new Harvester(rules, CurveAgg.LAST));
    Path file = target != null ? target : results.run().dir().resolve("report.html");
    List<String> groupKeys =
        groupBy.isEmpty() && over.isEmpty() ? List.of() : GroupedTable.keys(results, groupBy, over);
    List<CurveChart> curves = CurveChart.all(results, groupKeys);
    List<ChartData> charts = ChartData.all(results);
    StringBuilder html = new StringBuilder(64 * 1024);
    String title = results.run().kind().label() + " " + Display.path(results.run().dir());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>hydra4j report: ")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n");
    record(html, results);
    status(html, results);
    html.append("<h2>Results</h2>\n");
    table(html, ResultsTable.of(results, ResultsTable.Options.DEFAULT));
    int drawn = 0;
    if (!curves.isEmpty()) {
      html.append("<h2>Curves</h2>\n");
      drawn += curves(html, curves, out);
    }
    html.append("<h2>Plots</h2>\n");
    drawn += plots(html, charts, out);
    problems(html, results);
    html.append("<footer>Made by hydra4j on ")
        .append(esc(Dates.minute(Instant.now())))
        .append(" from the job directories. Self-contained: no network needed.</footer>\n")
        .append("</body>\n</html>\n");
    try {
      AtomicFiles.write(file, html.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    int jobs = results.rows().size();
    out.println(
        "wrote "
            + Display.path(file)
            + " ("
            + jobs
            + (jobs == 1 ? " job, " : " jobs, ")
            + drawn
            + (drawn == 1 ? " plot)" : " plots)"));
    return 0;
  }

  private static void record(StringBuilder html, RunResults results) {
    RunMeta meta = RunMeta.readLeniently(results.run().dir());
    JsonNode run = RunFiles.json(results.run().dir().resolve(RunFiles.RUN_JSON));
    html.append("<dl class=\"record\">\n");
    item(html, "name", meta.name());
    item(html, "description", meta.description());
    item(html, "tags", String.join(", ", meta.tags()));
    for (RunMeta.Note note : meta.notes()) {
      item(
          html,
          "note",
          (note.time() == null ? "" : Dates.minute(note.time()) + ": ") + note.text());
    }
    if (run != null) {
      String start = RunFiles.text(run, "start");
      item(
          html,
          "started",
          (start == null ? "" : Dates.minute(Instant.parse(start)))
              + " by "
              + RunFiles.text(run, "user")
              + " on "
              + RunFiles.text(run, "host"));
      item(html, "command", "hydra4j " + String.join(" ", RunFiles.strings(run.path("argv"))));
      item(html, "git", RunFiles.text(run.path("git"), "commit"));
    }
    html.append("</dl>\n");
  }

  private static void status(StringBuilder html, RunResults results) {
    Map<String, Integer> counts = results.tally();
    int total = Math.max(1, results.rows().size());
    html.append("<h2>Status</h2>\n<p>")
        .append(esc(Display.counts(results.rows().size(), counts)))
        .append("</p>\n<div class=\"bar\" role=\"img\" aria-label=\"job states\">");
    counts.forEach(
        (label, n) ->
            html.append("<span style=\"width:")
                .append(String.format(java.util.Locale.ROOT, "%.3f", 100.0 * n / total))
                .append("%;background:")
                .append(colour(label))
                .append("\" title=\"")
                .append(n)
                .append(' ')
                .append(label)
                .append("\"></span>"));
    html.append("</div>\n<ul class=\"legend\">");
    counts.forEach(
        (label, n) ->
            html.append("<li><i style=\"background:")
                .append(colour(label))
                .append("\"></i>")
                .append(label)
                .append(' ')
                .append(n)
                .append("</li>"));
    html.append("</ul>\n");
  }

  /** A state's colour; jobs not started are grey as PENDING ones. */
  private static String colour(String label) {
    JobState state = JobState.parse(label);
    return COLORS.get(state == null ? JobState.PENDING : state);
  }

  private static void table(StringBuilder html, ResultsTable table) {
    html.append("<table>\n<thead><tr>");
    for (String column : table.columns()) {
      html.append("<th>").append(esc(column)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Map<String, Object> row : table.rows()) {
      html.append("<tr>");
      for (String column : table.columns()) {
        Object value = row.get(column);
        String cls =
            MetricValues.isNumber(value)
                ? " class=\"num\""
                : column.equals(ResultsTable.STATUS) ? " class=\"state " + value + "\"" : "";
        html.append("<td")
            .append(cls)
            .append('>')
            .append(esc(MetricValues.format(value)))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static int curves(StringBuilder html, List<CurveChart> charts, PrintStream out) {
    html.append("<div class=\"plots\">\n");
    int drawn = 0;
    for (CurveChart chart : charts) {
      String caption =
          chart.metric()
              + " over "
              + chart.xLabel()
              + " ("
              + chart.lines().size()
              + (chart.lines().size() == 1 ? " line)" : " lines)");
      try {
        figure(html, ChartImages.png(chart), chart.height(), caption, caption);
        drawn++;
      } catch (IOException | RuntimeException | LinkageError e) {
        notDrawn(html, caption, e, out);
      }
    }
    html.append("</div>\n");
    return drawn;
  }

  private static void figure(
      StringBuilder html, byte[] png, int height, String alt, String caption) {
    html.append("<figure><img width=\"")
        .append(ChartImages.WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" alt=\"")
        .append(esc(alt))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\"><figcaption>")
        .append(esc(caption))
        .append("</figcaption></figure>\n");
  }

  private static void notDrawn(StringBuilder html, String caption, Throwable e, PrintStream out) {
    // A machine without fonts or AWT libraries still gets the table.
    html.append("<p class=\"problem\">")
        .append(esc(caption))
        .append(": not drawn (")
        .append(esc(String.valueOf(e)))
        .append(")</p>\n");
    out.println("hydra4j: could not draw " + caption + ": " + e);
  }

  private static int plots(StringBuilder html, List<ChartData> charts, PrintStream out) {
    if (charts.isEmpty()) {
      html.append("<p>No plots: they need a swept parameter and a numeric metric.</p>\n");
      return 0;
    }
    html.append("<div class=\"plots\">\n");
    int drawn = 0;
    for (ChartData chart : charts) {
      String caption = chart.metric() + " by " + chart.param();
      try {
        figure(
            html,
            ChartImages.png(chart),
            ChartImages.HEIGHT,
            caption,
            caption
                + (chart.numeric() ? "" : " (mean per value)")
                + (chart.logX() ? " (log scale)" : ""));
        drawn++;
      } catch (IOException | RuntimeException | LinkageError e) {
        notDrawn(html, caption, e, out);
      }
    }
    html.append("</div>\n");
    return drawn;
  }

  private static void problems(StringBuilder html, RunResults results) {
    Map<String, List<Integer>> problems = results.problemsByMessage();
    if (problems.isEmpty()) {
      return;
    }
    html.append("<h2>Problems</h2>\n<ul class=\"problems\">\n");
    problems.forEach(
        (message, nums) ->
            html.append("<li>")
                .append(esc(JobNumbers.describe(nums)))
                .append(": ")
                .append(esc(message))
                .append("</li>\n"));
    html.append("</ul>\n");
  }

  private static void item(StringBuilder html, String name, String value) {
    if (value != null && !value.isBlank()) {
      html.append("<dt>")
          .append(esc(name))
          .append("</dt><dd>")
          .append(esc(value))
          .append("</dd>\n");
    }
  }

  static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String CSS =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;
        max-width:1200px;padding:0 1em;color:#222}
      h1{font-size:1.5em;margin-bottom:.3em}h2{font-size:1.15em;margin-top:1.6em;
        border-bottom:1px solid #ddd;padding-bottom:.2em}
      dl.record{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:0}
      dl.record dt{color:#666}dl.record dd{margin:0;font-family:ui-monospace,monospace;
        overflow-wrap:anywhere}
      .bar{display:flex;height:18px;border-radius:3px;overflow:hidden;background:#eee}
      .bar span{display:block;height:100%}
      .legend{list-style:none;padding:0;display:flex;gap:1.2em;flex-wrap:wrap}
      .legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em;
        border-radius:2px}
      table{border-collapse:collapse;font-size:13px;display:block;overflow-x:auto}
      th,td{padding:.25em .7em;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}
      th{background:#f5f5f5;position:sticky;top:0}td.num{text-align:right;
        font-variant-numeric:tabular-nums}
      td.state.COMPLETED{color:#2e9e44}td.state.FAILED,td.state.TIMEOUT,
        td.state.OUT_OF_MEMORY,td.state.NODE_FAIL{color:#d0312d;font-weight:600}
      .plots{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}
      figcaption{color:#666;font-size:12px;text-align:center}
      .problem,.problems li{color:#a33}
      footer{margin-top:2em;color:#888;font-size:12px}
      """;
}
