package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.launch.LogTail;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.RunLayout;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code show DIR}: everything recorded about a run or sweep — what the person said (name, tags,
 * notes), what started it (command, user, host, git), what it was made of (config, choices,
 * overrides, task, launcher), how it went (times, states, scheduler ids) and what it gave (each
 * job's parameters and metrics, the failures with their last stderr lines).
 */
public final class RunShow {

  private static final int TAIL_LINES = 3;

  private RunShow() {}

  /**
   * Prints what is recorded about the run or sweep in {@code dir}, or about its job {@code job}
   * ({@code null}: all of it). A job's directory inside a sweep shows that job of the sweep.
   */
  public static int print(Path dir, Integer job, int width, PrintStream out) {
    RecordedRun run = job == null ? RecordedRun.jobOf(dir) : RecordedRun.open(dir).only(job);
    boolean oneJob = run != null;
    if (run == null) {
      run = RecordedRun.open(dir);
    }
    RunResults results = RunResults.read(run, new Harvester());
    Path d = run.dir();
    if (oneJob) {
      RecordedRun.JobEntry entry = run.jobs().get(0);
      field(out, "job", entry.num() + " of " + Display.path(d));
      field(out, "dir", Display.path(entry.dir()));
    } else {
      field(out, run.kind().label(), Display.path(d));
    }
    printMeta(RunMeta.readLeniently(d), out);
    JsonNode record = RunFiles.json(d.resolve(RunFiles.RUN_JSON));
    JsonNode plan = RunFiles.json(d.resolve(RunFiles.PLAN_JSON));
    JsonNode summary = RunFiles.json(d.resolve(RunFiles.SUMMARY_JSON));
    if (record != null) {
      field(
          out,
          "started",
          time(RunFiles.text(record, "start"))
              + " by "
              + RunFiles.text(record, "user")
              + " on "
              + RunFiles.text(record, "host")
              + " in "
              + RunFiles.text(record, "working_dir"));
      field(out, "command", "hydra4j " + String.join(" ", RunFiles.strings(record.path("argv"))));
      JsonNode git = record.path("git");
      String commit = RunFiles.text(git, "commit");
      field(
          out,
          "git",
          commit == null
              ? "(not a git repository)"
              : commit
                  + (RunFiles.text(git, "branch") == null
                      ? ""
                      : " on " + RunFiles.text(git, "branch"))
                  + (git.path("dirty").asBoolean(false)
                      ? " (uncommitted changes" + diffNote(d) + ")"
                      : ""));
      field(out, "version", "hydra4j " + RunFiles.text(record, "hydra4j_version"));
    }
    if (!oneJob && summary != null && RunFiles.text(summary, "end") != null) {
      field(
          out,
          "ended",
          time(RunFiles.text(summary, "end"))
              + (summary.path("interrupted").asBoolean(false) ? " (interrupted)" : ""));
    }
    if (plan != null) {
      field(
          out,
          "config",
          RunFiles.text(plan, "config_name")
              + " from "
              + String.join(", ", RunFiles.strings(plan.path("search_path"))));
      field(
          out,
          "overrides",
          String.join(
              " ",
              oneJob ? run.jobs().get(0).overrides() : RunFiles.strings(plan.path("overrides"))));
      field(out, "launcher", RunFiles.text(plan, "launcher"));
    }
    if (!run.jobs().isEmpty()) {
      Path first = run.jobs().get(0).dir();
      ConfigMap hydra = hydraNode(first);
      if (hydra != null) {
        // A sweep's jobs may choose differently (db=glob(*)); the table below has each
        // job's swept values, this line the first job's full set of choices.
        field(
            out,
            "choices",
            (plan != null && run.jobs().size() > 1 ? "(job " + run.jobs().get(0).num() + ") " : "")
                + choices(hydra));
        if (plan == null) {
          field(out, "overrides", String.join(" ", run.jobs().get(0).overrides()));
        }
        field(out, "task", task(run, record, hydra));
      }
    }
    if (!oneJob) {
      field(out, "jobs", Display.counts(results.rows().size(), results.tally()));
    }
    out.println();
    ResultsTable table = jobTable(results);
    out.print(ResultsFormat.TABLE.render(table, width));
    failures(results, out);
    Collect.printProblems(results, out, true);
    return 0;
  }

  /** The name, description, tags and notes lines (nothing for what is unset). */
  static void printMeta(RunMeta meta, PrintStream out) {
    if (meta.name() != null) {
      field(out, "name", meta.name());
    }
    if (meta.description() != null) {
      field(out, "about", meta.description());
    }
    if (!meta.tags().isEmpty()) {
      field(out, "tags", String.join(", ", meta.tags()));
    }
    for (RunMeta.Note note : meta.notes()) {
      field(
          out, "note", (note.time() == null ? "" : Dates.minute(note.time()) + "  ") + note.text());
    }
  }

  /** Collect's table plus exit code, host, start and every extra status field per job. */
  private static ResultsTable jobTable(RunResults results) {
    ResultsTable base =
        ResultsTable.of(results, new ResultsTable.Options(false, null, null, List.of()));
    LinkedHashSet<String> extras = new LinkedHashSet<>();
    for (JobRow row : results.rows()) {
      for (String key : row.status().extra().keySet()) {
        if (!key.equals("error")) {
          extras.add(key);
        }
      }
    }
    List<String> columns = new ArrayList<>(base.columns().subList(0, 3));
    columns.add("exit");
    columns.add("host");
    columns.add("start");
    columns.addAll(extras);
    columns.addAll(base.columns().subList(3, base.columns().size()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < results.rows().size(); i++) {
      JobRow job = results.rows().get(i);
      Map<String, Object> row = new LinkedHashMap<>(base.rows().get(i));
      row.put("exit", job.status().exitCode() == null ? null : (long) job.status().exitCode());
      row.put("host", job.status().host());
      row.put("start", job.status().start() == null ? null : Dates.minute(job.status().start()));
      for (String key : extras) {
        row.put(key, job.status().extra().get(key));
      }
      rows.add(row);
    }
    return new ResultsTable(columns, rows);
  }

  private static void failures(RunResults results, PrintStream out) {
    boolean headed = false;
    for (JobRow row : results.rows()) {
      JobState state = row.state();
      if (!state.isTerminal() || state.isSuccess()) {
        continue;
      }
      if (!headed) {
        out.println();
        out.println("failures");
        headed = true;
      }
      String error = row.status().error();
      out.println(
          "  job "
              + row.num()
              + " "
              + state
              + (error == null ? "" : ": " + error)
              + "  ("
              + Display.path(row.dir())
              + ")");
      for (String line : LogTail.lastLines(row.dir().resolve(RunLayout.STDERR), TAIL_LINES)) {
        out.println("    | " + line);
      }
    }
  }

  private static ConfigMap hydraNode(Path jobDir) {
    Path file = jobDir.resolve(RunFiles.HYDRA_DIR).resolve(RunLayout.HYDRA_CONFIG);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return ConfigFiles.read(file, Display.path(file)).root();
    } catch (ConfigException e) {
      return null;
    }
  }

  private static String choices(ConfigMap hydra) {
    ConfigNode node = ConfigTree.select(hydra, ConfigPath.parse("hydra.runtime.choices"));
    if (!(node instanceof ConfigMap map)) {
      return "";
    }
    List<String> out = new ArrayList<>();
    map.entries()
        .forEach(
            (k, v) ->
                out.add(
                    k
                        + "="
                        + (v instanceof ConfigValue cv
                            ? MetricValues.format(cv.value())
                            : v.toString())));
    return String.join(" ", out);
  }

  /** The task's words: from the plan, else after {@code --} on the command line, else config. */
  private static String task(RecordedRun run, JsonNode record, ConfigMap hydra) {
    if (!run.command().isEmpty()) {
      return String.join(" ", run.command());
    }
    List<String> argv = record == null ? List.of() : RunFiles.strings(record.path("argv"));
    int dashes = argv.indexOf("--");
    if (dashes >= 0) {
      return String.join(" ", argv.subList(dashes + 1, argv.size()));
    }
    return words(ConfigTree.select(hydra, ConfigPath.parse("hydra.job.command")));
  }

  private static String words(ConfigNode node) {
    if (node instanceof dev.hydra4j.config.ConfigList list) {
      List<String> out = new ArrayList<>();
      for (ConfigNode item : list.items()) {
        out.add(item instanceof ConfigValue v ? String.valueOf(v.value()) : item.toString());
      }
      return String.join(" ", out);
    }
    return "";
  }

  private static String time(String iso) {
    if (iso == null) {
      return "?";
    }
    try {
      return Dates.minute(Instant.parse(iso)) + " (" + iso + ")";
    } catch (java.time.DateTimeException e) {
      return iso;
    }
  }

  private static void field(PrintStream out, String name, String value) {
    if (value != null && !value.isEmpty()) {
      out.printf("%-10s%s%n", name, value);
    }
  }

  /** {@code : git.diff, 2 files, +10 -3} when the changes were recorded. */
  private static String diffNote(Path dir) {
    Path diff = dir.resolve(dev.hydra4j.run.GitInfo.DIFF_FILE);
    return java.nio.file.Files.isRegularFile(diff)
        ? ": " + diff.getFileName() + ", " + RunCompare.diffSummary(diff)
        : "";
  }
}
