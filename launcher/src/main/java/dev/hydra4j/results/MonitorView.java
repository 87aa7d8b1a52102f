package dev.hydra4j.results;

import dev.hydra4j.launch.LogTail;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@code monitor} draws: a full-screen frame for a terminal (progress bar, counts by state,
 * failed jobs first with their last stderr lines, running jobs with the tail of their log), and
 * one-line progress reports for a pipe.
 */
final class MonitorView {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final Pattern LOG_DATE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d ");
  private static final int MAX_FAILED = 5;
  private static final int MAX_RUNNING = 6;

  private MonitorView() {}

  /** A frame of at most {@code height} lines of at most {@code width} characters. */
  static String frame(SweepSnapshot s, Instant now, int width, int height, int tailLines) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "hydra4j monitor  "
            + Display.path(s.run().dir())
            + "  "
            + clock(now)
            + "  (Ctrl+C: stop watching; jobs keep running)");
    int total = s.jobs().size();
    int done = s.terminal();
    int barWidth = Math.max(10, Math.min(50, width - 30));
    int filled = total == 0 ? barWidth : (int) ((long) barWidth * done / total);
    lines.add(
        "["
            + "#".repeat(filled)
            + ".".repeat(barWidth - filled)
            + "]  "
            + done
            + "/"
            + total
            + " done  "
            + (total == 0 ? 100 : 100L * done / total)
            + "%");
    lines.add(counts(s.tally()));
    List<SweepSnapshot.Job> failed = s.failed();
    if (!failed.isEmpty()) {
      lines.add("");
      lines.add("failed (" + failed.size() + ")");
      for (SweepSnapshot.Job job : failed.subList(0, Math.min(MAX_FAILED, failed.size()))) {
        lines.add("  " + describe(job, now));
        for (String line :
            LogTail.lastLines(job.entry().dir().resolve(RunLayout.STDERR), tailLines)) {
          lines.add("    | " + line);
        }
      }
      if (failed.size() > MAX_FAILED) {
        lines.add("  … and " + (failed.size() - MAX_FAILED) + " more (hydra4j status DIR)");
      }
    }
    List<SweepSnapshot.Job> running = s.running();
    if (!running.isEmpty()) {
      lines.add("");
      lines.add("running (" + running.size() + ")");
      for (SweepSnapshot.Job job : running.subList(0, Math.min(MAX_RUNNING, running.size()))) {
        lines.add("  " + describe(job, now));
        String curves = CurveLine.of(job.entry().dir());
        if (!curves.isEmpty()) {
          lines.add("    " + curves);
        }
        for (String line : liveTail(job.entry().dir(), tailLines)) {
          lines.add("    | " + line);
        }
      }
      if (running.size() > MAX_RUNNING) {
        lines.add("  … and " + (running.size() - MAX_RUNNING) + " more");
      }
    }
    StringBuilder out = new StringBuilder();
    int max = height > 0 ? height - 1 : lines.size();
    for (int i = 0; i < lines.size() && i < max; i++) {
      out.append(width > 0 ? TextTable.fit(lines.get(i), width) : lines.get(i)).append('\n');
    }
    return out.toString();
  }

  /** {@code 12:00:05 12/20 done: 10 COMPLETED, 2 FAILED, 8 RUNNING}. */
  static String progressLine(SweepSnapshot s, Instant now) {
    return clock(now)
        + "  "
        + s.terminal()
        + "/"
        + s.jobs().size()
        + " done: "
        + counts(s.tally()).replace("  ", ", ");
  }

  static String describe(SweepSnapshot.Job job, Instant now) {
    StringBuilder out =
        new StringBuilder("job ").append(job.entry().num()).append(' ').append(job.label());
    if (job.abandoned()) {
      out.append(" (its process is gone; hydra4j resume runs it again)");
    }
    if (job.status().exitCode() != null && job.state() != JobState.RUNNING) {
      out.append(" exit ").append(job.status().exitCode());
    }
    if (job.state() == JobState.RUNNING && job.status().start() != null) {
      out.append("  ").append(elapsed(Duration.between(job.status().start(), now)));
    } else if (job.status().duration() != null) {
      out.append("  ").append(elapsed(job.status().duration()));
    }
    if (job.status().host() != null) {
      out.append("  on ").append(job.status().host());
    }
    if (job.status().error() != null) {
      out.append(": ").append(job.status().error());
    }
    return out.toString();
  }

  private static String counts(Map<String, Integer> counts) {
    StringBuilder out = new StringBuilder();
    counts.forEach(
        (state, n) ->
            out.append(out.length() == 0 ? "" : "  ").append(n).append(' ').append(state));
    return out.toString();
  }

  /** The end of the job's interleaved log, without its dates; stdout.log when there is none. */
  private static List<String> liveTail(Path jobDir, int n) {
    Path combined = jobDir.resolve(RunLayout.COMBINED_LOG);
    if (!Files.exists(combined)) {
      return LogTail.lastLines(jobDir.resolve(RunLayout.STDOUT), n);
    }
    List<String> out = new ArrayList<>();
    for (String line : LogTail.lastLines(combined, n)) {
      out.add(LOG_DATE.matcher(line).replaceFirst(""));
    }
    return out;
  }

  private static String clock(Instant now) {
    return CLOCK.format(LocalTime.ofInstant(now, ZoneId.systemDefault()));
  }

  static String elapsed(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
