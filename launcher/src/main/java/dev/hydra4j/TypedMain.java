package dev.hydra4j;

import dev.hydra4j.cli.ProgramMain;
import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.execute.InProcessRun;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.sweep.PlannedJob;
import dev.hydra4j.sweep.SweepOptions;
import dev.hydra4j.sweep.SweepPlan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Hydra4j#main(String[], java.nio.file.Path, String, Class, Hydra4j.Job)}: every job's
 * config is bound before the first job runs or any directory is made, so a config that does not fit
 * the record stops the program with all its problems listed.
 */
final class TypedMain {

  private TypedMain() {}

  static <T> int run(
      String program,
      String[] args,
      Path configDir,
      String configName,
      Class<T> type,
      Hydra4j.Job<T> job,
      PrintStream out,
      PrintStream err) {
    return ProgramMain.run(
        program,
        args,
        configDir,
        configName,
        (searchPath, name, overrides, multirun) ->
            runJobs(args, searchPath, name, overrides, multirun, type, job, err),
        out,
        err);
  }

  private static <T> int runJobs(
      String[] args,
      SearchPath searchPath,
      String configName,
      List<String> overrides,
      boolean multirun,
      Class<T> type,
      Hydra4j.Job<T> job,
      PrintStream err) {
    try {
      Map<Integer, Map<String, String>> choices =
          bindEveryJob(searchPath, configName, overrides, multirun, type);
      return InProcessRun.run(
          searchPath,
          configName,
          overrides,
          multirun,
          List.of(args),
          err,
          (config, jobDir, num) ->
              job.run(new Config(config, "", choices.get(num)).bind(type), jobDir, num));
    } catch (Hydra4jException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  /** The group choices of each job, by job number, once every job's config binds. */
  private static Map<Integer, Map<String, String>> bindEveryJob(
      SearchPath searchPath,
      String configName,
      List<String> overrides,
      boolean multirun,
      Class<?> type) {
    Composer composer = new Composer(searchPath);
    List<ParsedOverride> parsed = new ArrayList<>();
    for (String o : overrides) {
      parsed.add(OverrideParser.parse(o));
    }
    List<PlannedJob> jobs = new ArrayList<>();
    if (multirun) {
      SweepPlan plan = SweepPlan.create(composer, configName, parsed, SweepOptions.NONE);
      for (int i = 0; i < plan.size(); i++) {
        jobs.add(plan.job(i));
      }
    } else {
      jobs.add(new PlannedJob(0, parsed));
    }
    Map<Integer, Map<String, String>> choices = new HashMap<>();
    for (PlannedJob planned : jobs) {
      Composition c =
          composer.compose(
              configName, planned.overrides(), multirun ? RunMode.MULTIRUN : RunMode.RUN);
      choices.put(planned.num(), c.defaults().choices());
      Config config;
      try {
        config =
            new Config(
                c.withHydraValues(runtimeValues(planned.num(), multirun)).resolvedJobConfig(),
                "",
                c.defaults().choices());
      } catch (ConfigException e) {
        // A value that needs more of the run than is known before it starts: the job
        // resolves it with its real directories and reports what is wrong then.
        continue;
      }
      try {
        config.bind(type);
      } catch (Hydra4jException e) {
        String which =
            multirun
                ? "Job " + planned.num() + " (" + String.join(" ", planned.texts()) + "): "
                : "";
        throw new Hydra4jException(which + e.headline(), e.problems(), e.hint(), e);
      }
    }
    return choices;
  }

  /**
   * Stand-ins for the {@code hydra.*} values a job gets when it starts, so that a config reading
   * {@code ${hydra:job.num}} or {@code ${hydra:runtime.output_dir}} binds before any directory
   * exists; only their types matter here.
   */
  private static Map<String, Object> runtimeValues(int num, boolean multirun) {
    String notYet = "(the job's directory, made when it starts)";
    Map<String, Object> values = new HashMap<>();
    values.put("hydra.runtime.output_dir", notYet);
    if (multirun) {
      values.put("hydra.job.num", (long) num);
      values.put("hydra.job.id", String.valueOf(num));
      values.put("hydra.sweep.dir", notYet);
    } else {
      values.put("hydra.run.dir", notYet);
    }
    return values;
  }
}
