package dev.hydra4j.execute;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.LogTail;
import dev.hydra4j.launch.SweepObservation;
import dev.hydra4j.launch.registry.Launchers;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.RunLayout;
import dev.hydra4j.run.StateLabel;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * {@code status <sweep dir>}: counts by state, every job's state, and the failures with the end of
 * their stderr, from any shell while the sweep runs, after it ended, or after its launcher was
 * killed. The sweep's launcher kind says what it knows ({@link SweepObservation}): a local sweep is
 * read from its job directories alone; a SLURM sweep adds one squeue and one sacct call for all its
 * arrays, and records in the status files the final states only SLURM saw.
 */
public final class StatusReport {

  private static final int TAIL_LINES = 5;

  /** A status must not hang for a minute when a scheduler's controller is down. */
  private static final Duration ENGINE_PATIENCE = Duration.ofSeconds(20);

  private static final Set<JobState> FAILURES =
      EnumSet.of(
          JobState.FAILED,
          JobState.TIMEOUT,
          JobState.OUT_OF_MEMORY,
          JobState.NODE_FAIL,
          JobState.PREEMPTED,
          JobState.SKIPPED);

  private StatusReport() {}

  public static int print(Path sweepDir, PrintStream out) {
    // One write for the whole report: a 20,000-job sweep's lines written one by one took
    // seconds.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
    PrintStream buffered = new PrintStream(bytes, false, java.nio.charset.StandardCharsets.UTF_8);
    try {
      return printTo(sweepDir, buffered);
    } finally {
      buffered.flush();
      out.write(bytes.toByteArray(), 0, bytes.size());
      out.flush();
    }
  }

  private static int printTo(Path sweepDir, PrintStream out) {
    if (!Files.isDirectory(sweepDir)) {
      throw new ConfigException(
          "'" + sweepDir + "' does not exist",
          Origin.of(sweepDir.toString()),
          "give a sweep directory such as multirun/2026-01-31/12-00-00");
    }
    Path dir = sweepDir.toAbsolutePath().normalize();
    if (dev.hydra4j.run.StageLinks.isPipeline(dir)) {
      return PipelineStatus.print(dir, out);
    }
    if (!Files.exists(dir.resolve(SavedPlan.NAME))
        && (Files.exists(dev.hydra4j.run.StatusFile.path(dir))
            || dev.hydra4j.run.SweepJournal.exists(dir))) {
      return printSingleRun(dir, out);
    }
    printSweep(dir, out);
    return 0;
  }

  /** Prints the report of the sweep in {@code dir}; returns its jobs' counts by state. */
  static Map<JobState, Integer> printSweep(Path dir, PrintStream out) {
    SavedPlan plan = SavedPlan.read(dir);
    SweepObservation seen =
        Launchers.ofSweep(plan.launcher(), dir)
            .observe(dir, SweepKill.jobDirs(plan, dir), ENGINE_PATIENCE);
    // Final states only the engine saw (a job cancelled while pending) go to the status files.
    seen.recordFinalStates();
    // A pipeline stage's job whose upstream job did not complete reads SKIPPED.
    IntFunction<JobStatus> status = dev.hydra4j.run.Upstream.of(dir).overlay(seen::status);
    String column = seen.engineColumn();
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    // Not started: an engine (SLURM) knows no id for it, or locally, not even its directory.
    java.util.Set<Integer> notStarted = new java.util.HashSet<>();
    for (SavedPlan.Job job : plan.jobs()) {
      JobStatus s = status.apply(job.num());
      counts.merge(s.state(), 1, Integer::sum);
      if (column == null
          ? StateLabel.notStarted(s, dir.resolve(job.dir()))
          : StateLabel.neverRecorded(s) && seen.engineId(job.num()) == null) {
        notStarted.add(job.num());
      }
    }
    out.println("sweep   " + Multirun.display(dir));
    out.println(
        "jobs    "
            + plan.jobs().size()
            + " ("
            + StateLabel.describe(counts, notStarted.size())
            + ")");
    if (!plan.command().isEmpty()) {
      out.println("command " + String.join(" ", plan.command()));
    }
    seen.launch().forEach(out::println);
    seen.notes().forEach(n -> out.println("note    " + n));
    if (dev.hydra4j.search.AdaptiveStudy.exists(dir)) {
      dev.hydra4j.search.AdaptiveStudy.summary(dir).forEach(out::println);
    }
    out.println();
    out.printf(
        "%5s  %-13s  %4s  %9s" + (column == null ? "%s" : "  %-10s") + "  %s%n",
        "num",
        "state",
        "exit",
        "duration",
        column == null ? "" : column,
        "overrides");
    // The rows as the header's printf lays them out, without a Formatter per row: a
    // 20,000-job sweep prints 20,000 of them.
    StringBuilder row = new StringBuilder(128);
    for (SavedPlan.Job job : plan.jobs()) {
      JobStatus s = status.apply(job.num());
      row.setLength(0);
      pad(row, String.valueOf(job.num()), 5, true).append("  ");
      pad(
              row,
              notStarted.contains(job.num()) ? StateLabel.NOT_STARTED : s.state().name(),
              13,
              false)
          .append("  ");
      pad(row, s.exitCode() == null ? "" : String.valueOf(s.exitCode()), 4, true).append("  ");
      pad(row, seconds(s.duration()), 9, true);
      if (column != null) {
        String id = seen.engineId(job.num());
        pad(row.append("  "), id == null ? "-" : id, 10, false);
      }
      out.println(row.append("  ").append(taskOverrides(job.overrides())));
    }
    List<String> stale = new java.util.ArrayList<>();
    for (SavedPlan.Job job : plan.jobs()) {
      if (seen.lost(job.num())) {
        stale.add(String.valueOf(job.num()));
      }
    }
    if (!stale.isEmpty()) {
      // The launcher died (SIGKILL, a crash) before it could record these jobs' ends.
      out.println();
      out.println(
          "job"
              + (stale.size() == 1 ? " " : "s ")
              + String.join(", ", stale)
              + " were recorded RUNNING, but their process is gone and no hydra4j recorded the end;"
              + " 'hydra4j resume "
              + Multirun.display(dir)
              + "' runs them again");
    }
    boolean headed = false;
    for (SavedPlan.Job job : plan.jobs()) {
      JobStatus s = status.apply(job.num());
      if (!FAILURES.contains(s.state())) {
        continue;
      }
      if (!headed) {
        out.println();
        out.println("failures");
        headed = true;
      }
      Path jobDir = dir.resolve(job.dir());
      out.println(
          "  job "
              + job.num()
              + " "
              + s.state()
              + (s.error() != null ? ": " + s.error() : "")
              + "  ("
              + Multirun.display(jobDir)
              + ")");
      for (String line : LogTail.lastLines(jobDir.resolve(RunLayout.STDERR), TAIL_LINES)) {
        out.println("    | " + line);
      }
    }
    return counts;
  }

  /** A single run's directory ({@code outputs/DATE/TIME}): its one job. */
  private static int printSingleRun(Path dir, PrintStream out) {
    JobStatus s;
    try {
      s = SweepState.read(dir, Map.of(0, dir)).effective(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("run     " + Multirun.display(dir));
    out.println(
        "state   "
            + s.state()
            + (s.exitCode() == null ? "" : " (exit code " + s.exitCode() + ")")
            + (s.duration() == null
                ? ""
                : String.format(", %.1fs", s.duration().toMillis() / 1000.0)));
    if (s.error() != null) {
      out.println("error   " + s.error());
    }
    if (FAILURES.contains(s.state())) {
      for (String line : LogTail.lastLines(dir.resolve(RunLayout.STDERR), TAIL_LINES)) {
        out.println("    | " + line);
      }
    }
    return 0;
  }

  /** {@code text} padded with blanks to {@code width}, on the left when {@code right}. */
  private static StringBuilder pad(StringBuilder row, String text, int width, boolean right) {
    if (!right) {
      row.append(text);
    }
    for (int i = text.length(); i < width; i++) {
      row.append(' ');
    }
    return right ? row.append(text) : row;
  }

  /** A duration as {@code %.1fs} prints it ({@code 4.4s}), or empty. */
  private static String seconds(Duration d) {
    if (d == null) {
      return "";
    }
    long tenths = Math.round(d.toMillis() / 100.0);
    return tenths < 0
        ? String.format("%.1fs", d.toMillis() / 1000.0)
        : tenths / 10 + "." + tenths % 10 + "s";
  }

  private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile("^[+~]+");

  /** The overrides that make a job what it is; hydra.* settings are the same for all. */
  private static String taskOverrides(List<String> overrides) {
    StringBuilder text = new StringBuilder();
    for (String o : overrides) {
      String key = PREFIX.matcher(o).replaceFirst("");
      if (!key.startsWith("hydra.") && !key.startsWith("hydra/")) {
        text.append(text.length() == 0 ? "" : " ").append(o);
      }
    }
    return text.toString();
  }
}
