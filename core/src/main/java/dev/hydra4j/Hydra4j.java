package dev.hydra4j;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.program.ProgramRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * hydra4j as a library: compose a config from a config directory and overrides, or run a JVM
 * program's main logic once per job, like Python Hydra's {@code compose()} and {@code @hydra.main}.
 *
 * <pre>{@code
 * Config cfg = Hydra4j.load(Path.of("conf"), "config", "training.lr=0.1");
 * double lr = cfg.getDouble("training.lr");
 *
 * public static void main(String[] args) {
 *   System.exit(Hydra4j.main(args, Path.of("conf"), "config", (config, jobDir, num) -> {
 *     // train with config, write results into jobDir
 *   }));
 * }
 * }</pre>
 */
public final class Hydra4j {

  private Hydra4j() {}

  /**
   * The resolved job config ({@code hydra4j --cfg job --resolve}) of {@code configName} in {@code
   * configDir} with {@code overrides} in Hydra's grammar.
   *
   * @throws ConfigException for any bad input, with its location and a hint
   */
  public static ConfigMap compose(Path configDir, String configName, String... overrides) {
    return composition(configDir, configName, Arrays.asList(overrides)).resolvedJobConfig();
  }

  /**
   * The resolved job config of {@code configName} in {@code configDir} with {@code overrides} in
   * Hydra's grammar, as a typed view.
   *
   * <pre>{@code
   * Config cfg = Hydra4j.load(Path.of("conf"), "config", "training=long", "seed=3");
   * int epochs = cfg.getInt("training.epochs");
   * }</pre>
   *
   * @throws Hydra4jException for any bad input, with its file:line (or override) and a hint
   */
  public static Config load(Path configDir, String configName, String... overrides) {
    try {
      Composition composition = composition(configDir, configName, Arrays.asList(overrides));
      return new Config(composition.resolvedJobConfig(), "", composition.defaults().choices());
    } catch (ConfigException e) {
      throw Hydra4jException.of(e);
    }
  }

  /**
   * The jobs of the sweep that {@code hydra4j -m} would launch with {@code overrides}, to run in
   * this program: each job's resolved config, composed when it is asked for.
   *
   * <pre>{@code
   * Sweep sweep = Hydra4j.sweep(Path.of("conf"), "config", "training.lr=0.1,0.01", "seed=1,2");
   * sweep.bind(AppConfig.class);            // stops here, listing every problem, if one does not fit
   * for (Sweep.Job job : sweep) {
   *   AppConfig cfg = job.config().bind(AppConfig.class);
   *   System.out.println(job.num() + " " + job.overrides());   // 0 [training.lr=0.1, seed=1]
   * }
   * }</pre>
   *
   * @throws Hydra4jException for a bad override or sweep, with its place and a hint
   */
  public static Sweep sweep(Path configDir, String configName, String... overrides) {
    return Sweep.of(configDir, configName, Arrays.asList(overrides));
  }

  /** The whole composition: unresolved config with its {@code hydra} node, defaults, origins. */
  public static Composition composition(Path configDir, String configName, List<String> overrides) {
    List<ParsedOverride> parsed = new ArrayList<>();
    for (String o : overrides) {
      parsed.add(OverrideParser.parse(o));
    }
    return ClassPathResolvers.composer(SearchPath.of(configDir))
        .compose(configName, parsed, RunMode.RUN);
  }

  /**
   * A {@code main} for JVM programs, as Python Hydra's {@code @hydra.main}: {@code args} are
   * overrides and the flags {@code -m}, {@code --dry-run}, {@code --cfg job|hydra|all}, {@code -p},
   * {@code --resolve}, {@code --info}, {@code --explain}, {@code -cp}, {@code -cn}, {@code -cd} and
   * {@code --help}, as the command line takes them. Without a printing flag, {@code task} runs
   * once, or once per job of the sweep with {@code -m}. Each job gets its directory ({@code
   * outputs/…} or {@code multirun/…/N}), {@code .hydra/} files and a status file. Bad input is
   * printed as hydra4j prints it. This needs the launcher ({@code dev.hydra4j:hydra4j}) on the
   * class path; with {@code hydra4j-core} alone it says so and returns 2 ({@link #sweep} runs a
   * sweep's jobs in-process without it).
   *
   * @return the exit code: 0 success, 1 a job threw, 2 bad input
   */
  public static int main(String[] args, Path configDir, String configName, Job<ConfigMap> task) {
    return main(program(), args, configDir, configName, task, System.out, System.err);
  }

  static int main(
      String program,
      String[] args,
      Path configDir,
      String configName,
      Job<ConfigMap> task,
      PrintStream out,
      PrintStream err) {
    ProgramRunner runner = runner(err);
    if (runner == null) {
      return 2;
    }
    return runner.main(
        program,
        args,
        configDir,
        configName,
        (searchPath, name, overrides, multirun) ->
            runner.runJobs(
                searchPath, name, overrides, multirun, Arrays.asList(args), err, task::run),
        out,
        err);
  }

  /**
   * The launcher, or {@code null} after saying on {@code err} that this program has the core
   * library alone.
   */
  private static ProgramRunner runner(PrintStream err) {
    ProgramRunner runner = ProgramRunner.find().orElse(null);
    if (runner == null) {
      err.println(
          "error: Hydra4j.main and Hydra4j.cli need the hydra4j launcher (job directories, status"
              + " files, the command line's flags); this program has hydra4j-core alone");
      err.println(
          "hint: depend on dev.hydra4j:hydra4j, or run the jobs yourself: for (Sweep.Job job :"
              + " Hydra4j.sweep(conf, \"config\", args)) …");
    }
    return runner;
  }

  /** The class whose {@code main} called in, named as {@code java} starts it. */
  private static String program() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(c -> c != Hydra4j.class)
                    .findFirst()
                    .map(Class::getName)
                    .orElse("program"));
  }

  /**
   * A job of a JVM program: its config bound to the program's record, and the job's own directory
   * (for outputs, metrics).
   *
   * @param <T> the record the config binds to ({@link Config} for no binding)
   */
  @FunctionalInterface
  public interface Job<T> {
    void run(T config, Path jobDir, int jobNumber) throws Exception;
  }

  /**
   * {@link #main(String[], Path, String, Job)} with each job's config bound to {@code type}. Every
   * job's config is bound before the first job runs: a config that does not fit prints all its
   * problems with their file:line and returns 2, with nothing run or written.
   *
   * <pre>{@code
   * record Training(int epochs, double lr) {}
   * record AppConfig(Training training, long seed) {}
   *
   * public static void main(String[] args) {
   *   System.exit(Hydra4j.main(args, Path.of("conf"), "config", AppConfig.class,
   *       (cfg, jobDir, num) -> train(cfg.training(), jobDir)));
   * }
   * }</pre>
   *
   * @return the exit code: 0 success, 1 a job threw, 2 bad input
   */
  public static <T> int main(
      String[] args, Path configDir, String configName, Class<T> type, Job<T> job) {
    return main(program(), args, configDir, configName, type, job, System.out, System.err);
  }

  static <T> int main(
      String program,
      String[] args,
      Path configDir,
      String configName,
      Class<T> type,
      Job<T> job,
      PrintStream out,
      PrintStream err) {
    ProgramRunner runner = runner(err);
    return runner == null
        ? 2
        : TypedMain.run(runner, program, args, configDir, configName, type, job, out, err);
  }

  /** The command-line tool, for embedding: returns its exit code. */
  public static int cli(String... args) {
    ProgramRunner runner = runner(System.err);
    return runner == null ? 2 : runner.cli(System.out, System.err, args);
  }
}
