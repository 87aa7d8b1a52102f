package dev.hydra4j;

import dev.hydra4j.cli.Main;
import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.execute.InProcessRun;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * hydra4j as a library: compose a config from a config directory and overrides, or run a
 * JVM program's main logic once per job, like Python Hydra's {@code compose()} and
 * {@code @hydra.main}.
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
   * The resolved job config ({@code hydra4j --cfg job --resolve}) of {@code configName} in
   * {@code configDir} with {@code overrides} in Hydra's grammar.
   *
   * @throws ConfigException for any bad input, with its location and a hint
   */
  public static ConfigMap compose(Path configDir, String configName, String... overrides) {
    return composition(configDir, configName, Arrays.asList(overrides)).resolvedJobConfig();
  }

  /**
   * The resolved job config of {@code configName} in {@code configDir} with
   * {@code overrides} in Hydra's grammar, as a typed view.
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
      return new Config(composition.resolvedJobConfig(), "",
          composition.defaults().choices());
    } catch (ConfigException e) {
      throw Hydra4jException.of(e);
    }
  }

  /** The whole composition: unresolved config with its {@code hydra} node, defaults, origins. */
  public static Composition composition(Path configDir, String configName,
      List<String> overrides) {
    List<ParsedOverride> parsed = new ArrayList<>();
    for (String o : overrides) {
      parsed.add(OverrideParser.parse(o));
    }
    return Composer.forDirectory(configDir).compose(configName, parsed, RunMode.RUN);
  }

  /**
   * A {@code main} for JVM programs: {@code args} are overrides, optionally with
   * {@code -m}/{@code --multirun} to run {@code task} once per job of the sweep. Each job
   * gets its directory ({@code outputs/…} or {@code multirun/…/N}), {@code .hydra/} files
   * and a status file. Bad input is printed as hydra4j prints it.
   *
   * @return the exit code: 0 success, 1 a job threw, 2 bad input
   */
  public static int main(String[] args, Path configDir, String configName,
      InProcessRun.Task task) {
    boolean multirun = false;
    List<String> overrides = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-m") || arg.equals("--multirun")) {
        multirun = true;
      } else {
        overrides.add(arg);
      }
    }
    try {
      return InProcessRun.run(new SearchPath(List.of(configDir), true), configName, overrides,
          multirun, Arrays.asList(args), System.err, task);
    } catch (ConfigException e) {
      System.err.println("error: " + e.render());
      return 2;
    }
  }

  /** The command-line tool, for embedding: returns its exit code. */
  public static int cli(String... args) {
    return Main.run(System.out, System.err, args);
  }
}
