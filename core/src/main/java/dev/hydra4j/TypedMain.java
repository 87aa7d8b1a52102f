package dev.hydra4j;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.program.ProgramRunner;
import dev.hydra4j.sweep.PlannedJob;
import java.io.PrintStream;
import java.nio.file.Path;
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
      ProgramRunner runner,
      String program,
      String[] args,
      Path configDir,
      String configName,
      Class<T> type,
      Hydra4j.Job<T> job,
      PrintStream out,
      PrintStream err) {
    return runner.main(
        program,
        args,
        configDir,
        configName,
        (searchPath, name, overrides, multirun) ->
            runJobs(runner, args, searchPath, name, overrides, multirun, type, job, err),
        out,
        err);
  }

  private static <T> int runJobs(
      ProgramRunner runner,
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
      return runner.runJobs(
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
    Sweep sweep =
        Sweep.plan(ClassPathResolvers.composer(searchPath), configName, overrides, multirun);
    Map<Integer, Map<String, String>> choices = new HashMap<>();
    for (int i = 0; i < sweep.size(); i++) {
      PlannedJob planned = sweep.planned(i);
      Composition c = sweep.composition(planned);
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
        throw sweep.labelled(planned.num(), planned.texts(), e);
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
