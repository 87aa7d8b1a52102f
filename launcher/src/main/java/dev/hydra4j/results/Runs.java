package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.JobState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The record across runs: {@code runs} lists every run and sweep below the roots with its name,
 * tags, job counts and best metric; {@code export} writes every job of every run to one CSV. Both
 * read the {@link RunIndex}, refreshed from the directories first.
 */
public final class Runs {

  /**
   * Where to look.
   *
   * @param base the project directory: its registered runs are searched, and the index is {@code
   *     base/.hydra4j/index.db}
   * @param configRoots where the config says runs live (outputs/ and multirun/ by default)
   * @param extraRoots more directories to search, for this call only
   * @param index the index file, or {@code null} for the default
   * @param rebuild delete the index first
   */
  public record Scope(
      Path base, List<Path> configRoots, List<Path> extraRoots, Path index, boolean rebuild) {
    public Scope {
      configRoots = configRoots == null ? RunFinder.defaultRoots(base) : List.copyOf(configRoots);
      extraRoots = extraRoots == null ? List.of() : List.copyOf(extraRoots);
    }

    List<Path> roots() {
      List<Path> roots = new ArrayList<>(configRoots);
      roots.addAll(RunRegistry.registered(base));
      for (Path root : extraRoots) {
        if (!Files.isDirectory(root)) {
          throw new ConfigException(
              "The root '" + root + "' is not a directory",
              Origin.of("--root " + root),
              "give a directory that holds runs or sweeps");
        }
        roots.add(root);
      }
      return roots;
    }

    Path indexFile() {
      return index != null ? index : base.resolve(".hydra4j").resolve("index.db");
    }
  }

  private Runs() {}

  /** Prints the runs that pass {@code filter}, newest first; returns the exit code. */
  public static int list(
      Scope scope,
      RunFilter filter,
      String best,
      String format,
      int width,
      PrintStream out,
      PrintStream err) {
    ResultsFormat fmt = ResultsFormat.parse(format);
    BestMetric bestMetric = best == null ? null : BestMetric.parse(best);
    try (RunIndex index = refreshed(scope, err)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (IndexedRun run : index.runs()) {
        if (!filter.test(run)) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("start", run.start() == null ? null : Dates.minute(run.start()));
        row.put("kind", run.kind());
        row.put("name", run.name());
        row.put("tags", String.join(",", run.tags()));
        row.put("status", run.status().name());
        row.put("jobs", (long) run.total());
        row.put("states", states(run));
        row.put("best", BestMetric.describe(index, run, bestMetric));
        row.put("dir", Display.path(Path.of(run.dir())));
        rows.add(row);
      }
      // A terminal gets the columns a person scans; machines get the kind and status too.
      List<String> columns =
          fmt == ResultsFormat.TABLE
              ? List.of("start", "name", "tags", "jobs", "states", "best", "dir")
              : List.of("start", "kind", "name", "tags", "status", "jobs", "states", "best", "dir");
      if (rows.isEmpty() && fmt == ResultsFormat.TABLE) {
        out.println(
            "no runs found under "
                + describe(scope)
                + (filter.isEmpty() ? "" : " that match the filters"));
        return 0;
      }
      out.print(
          fmt.render(
              new ResultsTable(columns, rows),
              width < 0 ? TerminalWidth.detect() : width,
              java.util.Set.of("dir")));
      return 0;
    } catch (SQLException e) {
      throw indexFailure(scope, e);
    }
  }

  /**
   * Writes every job of every run to {@code target} as CSV ({@code -}: standard output): the run's
   * record (name, tags, notes, git commit), the job's state and scheduler ids, every hyperparameter
   * and group choice, and every metric.
   */
  public static int export(Scope scope, String target, PrintStream out, PrintStream err) {
    if (!target.equals("-")) {
      requireWritableTarget(target);
    }
    try (RunIndex index = refreshed(scope, err)) {
      List<IndexedRun> runs = index.runs();
      LinkedHashSet<String> settings = new LinkedHashSet<>();
      LinkedHashSet<String> extras = new LinkedHashSet<>();
      LinkedHashSet<String> metrics = new LinkedHashSet<>();
      List<IndexedJob> jobs = new ArrayList<>();
      List<IndexedRun> runOfJob = new ArrayList<>();
      Map<String, List<String>> records = new LinkedHashMap<>();
      for (int i = runs.size() - 1; i >= 0; i--) { // oldest first: a log reads top down
        records.put(runs.get(i).dir(), runRecord(Path.of(runs.get(i).dir())));
        for (IndexedJob job : index.jobs(runs.get(i).dir())) {
          jobs.add(job);
          runOfJob.add(runs.get(i));
          settings.addAll(job.params().keySet());
          settings.addAll(job.settings().keySet());
          extras.addAll(job.extra().keySet());
          metrics.addAll(job.metrics().keySet());
        }
      }
      List<String> columns =
          new ArrayList<>(
              List.of(
                  "run",
                  "run_name",
                  "run_tags",
                  "run_notes",
                  "git_commit",
                  "kind",
                  "run_start",
                  "num",
                  "status",
                  "exit_code",
                  "duration_s",
                  "job_start",
                  "job_dir"));
      List<String> extraColumns = prefixed(extras, columns, "status.");
      columns.addAll(extraColumns);
      List<String> settingColumns = prefixed(settings, columns, "param.");
      columns.addAll(settingColumns);
      List<String> metricColumns = prefixed(metrics, columns, "metric.");
      columns.addAll(metricColumns);
      StringBuilder csv = new StringBuilder();
      ResultsFormat.csvLine(csv, columns);
      for (int i = 0; i < jobs.size(); i++) {
        IndexedJob job = jobs.get(i);
        IndexedRun run = runOfJob.get(i);
        List<String> record = records.get(run.dir());
        List<String> cells =
            new ArrayList<>(
                List.of(
                    Display.path(Path.of(run.dir())),
                    run.name() == null ? "" : run.name(),
                    String.join(",", run.tags()),
                    record.get(0),
                    record.get(1),
                    run.kind(),
                    run.start() == null ? "" : run.start().toString(),
                    String.valueOf(job.num()),
                    job.state(),
                    job.exitCode() == null ? "" : job.exitCode().toString(),
                    MetricValues.format(job.duration()),
                    job.start() == null ? "" : job.start().toString(),
                    Display.path(Path.of(job.dir()))));
        for (String key : extras) {
          cells.add(MetricValues.format(job.extra().get(key)));
        }
        for (String key : settings) {
          // the override as typed wins: for a group it is the option, not a config leaf
          Object value =
              job.params().containsKey(key) ? job.params().get(key) : job.settings().get(key);
          cells.add(MetricValues.format(value));
        }
        for (String key : metrics) {
          cells.add(MetricValues.format(job.metrics().get(key)));
        }
        ResultsFormat.csvLine(csv, cells);
      }
      if (target.equals("-")) {
        out.print(csv);
      } else {
        Path file = Path.of(target);
        AtomicFiles.write(file, csv.toString());
        out.println("wrote " + jobs.size() + " jobs of " + runs.size() + " runs to " + file);
      }
      return 0;
    } catch (SQLException e) {
      throw indexFailure(scope, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks, before the index is opened or anything is written, that the export can be written where
   * asked: its directory exists and takes a new file (probed by creating and removing one, which
   * also works where permissions do not tell, such as /proc), and it is no directory.
   */
  private static void requireWritableTarget(String target) {
    Path file = Path.of(target).toAbsolutePath().normalize();
    Path dir = file.getParent();
    String problem = null;
    if (Files.isDirectory(file)) {
      problem = "it is a directory";
    } else if (dir == null || !Files.isDirectory(dir)) {
      problem = "its directory " + dir + " does not exist";
    } else {
      try {
        Files.delete(Files.createTempFile(dir, ".hydra4j-export-", ".probe"));
      } catch (IOException | UnsupportedOperationException e) {
        problem = "its directory " + dir + " does not take new files";
      }
    }
    if (problem != null) {
      throw new dev.hydra4j.config.ConfigException(
          "Cannot write the export to '" + target + "': " + problem,
          dev.hydra4j.config.Origin.of("export " + target),
          "give a file in a writable directory, e.g. hydra4j export results.csv, or - for"
              + " standard output");
    }
  }

  /** A run's notes (joined by " | ") and git commit, read from its directory. */
  private static List<String> runRecord(Path dir) {
    RunMeta meta = RunMeta.readLeniently(dir);
    List<String> notes = new ArrayList<>();
    meta.notes().forEach(n -> notes.add(n.text()));
    String commit =
        RunFiles.text(
            RunFiles.json(dir.resolve(RunFiles.RUN_JSON)) == null
                ? null
                : RunFiles.json(dir.resolve(RunFiles.RUN_JSON)).get("git"),
            "commit");
    return List.of(String.join(" | ", notes), commit == null ? "" : commit);
  }

  /** Names that do not clash with the columns already taken, prefixed where they would. */
  private static List<String> prefixed(Iterable<String> names, List<String> taken, String prefix) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      out.add(taken.contains(name) ? prefix + name : name);
    }
    return out;
  }

  /** The index at its place, brought up to date with the directories. */
  static RunIndex refreshed(Scope scope, PrintStream err) {
    List<Path> roots = scope.roots();
    Path file = scope.indexFile();
    try {
      if (scope.rebuild()) {
        Files.deleteIfExists(file);
      }
      RunIndex index = RunIndex.open(file, err);
      try {
        new IndexRefresh(index).refresh(roots);
      } catch (SQLException e) {
        // A file damaged past its header shows only when its pages are read: start over.
        index.close();
        err.println(
            "hydra4j: the run index "
                + Display.path(file)
                + " was unreadable ("
                + RunIndex.firstLine(e.getMessage())
                + "); rebuilding it from the run directories");
        Files.deleteIfExists(file);
        index = RunIndex.open(file, err);
        new IndexRefresh(index).refresh(roots);
      }
      return index;
    } catch (SQLException e) {
      throw indexFailure(scope, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ConfigException indexFailure(Scope scope, SQLException e) {
    return new ConfigException(
        "The run index "
            + Display.path(scope.indexFile())
            + " cannot be used: "
            + RunIndex.firstLine(e.getMessage()),
        Origin.of(scope.indexFile().toString()),
        "delete it (it is rebuilt from the run directories), or give --index elsewhere");
  }

  private static String describe(Scope scope) {
    List<String> names = new ArrayList<>();
    for (Path root : scope.roots()) {
      names.add(Display.path(root));
    }
    return String.join(", ", names);
  }

  private static String states(IndexedRun run) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<JobState, Integer> e : run.counts().entrySet()) {
      out.append(out.length() == 0 ? "" : " ")
          .append(e.getValue())
          .append(' ')
          .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (run.notStarted() > 0) {
      out.append(out.length() == 0 ? "" : " ")
          .append(run.notStarted())
          .append(' ')
          .append(dev.hydra4j.run.StateLabel.NOT_STARTED);
    }
    return out.toString();
  }
}
