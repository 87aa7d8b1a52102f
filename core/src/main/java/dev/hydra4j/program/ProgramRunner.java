package dev.hydra4j.program;

import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigMap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What {@code Hydra4j.main} and {@code Hydra4j.cli} need from the hydra4j launcher: the command
 * line's flags, job directories, status files. The composition library ({@code hydra4j-core}) does
 * not contain them; the launcher ({@code dev.hydra4j:hydra4j}) registers itself as a {@link
 * ServiceLoader} provider, so a program that depends on the core alone composes, binds and sweeps
 * in-process, and gets one clear message if it calls {@code Hydra4j.main}.
 *
 * <p>Internal: the launcher is the only implementation.
 */
public interface ProgramRunner {

  /** Runs a program's jobs: one, or every job of the sweep when {@code multirun}. */
  @FunctionalInterface
  interface Jobs {
    int run(SearchPath searchPath, String configName, List<String> overrides, boolean multirun);
  }

  /** A program's task: called once per job with its resolved config and directory. */
  @FunctionalInterface
  interface Task {
    void run(ConfigMap config, Path jobDir, int num) throws Exception;
  }

  /**
   * Parses {@code args} as the command line does, prints what its flags ask for, or calls {@code
   * jobs}; returns the exit code.
   */
  int main(
      String program,
      String[] args,
      Path configDir,
      String configName,
      Jobs jobs,
      PrintStream out,
      PrintStream err);

  /** Runs {@code task} once per job in this process, each in its own job directory. */
  int runJobs(
      SearchPath searchPath,
      String configName,
      List<String> overrides,
      boolean multirun,
      List<String> argv,
      PrintStream err,
      Task task);

  /** The command-line tool, in-process: returns its exit code. */
  int cli(PrintStream out, PrintStream err, String... args);

  /** The launcher, when it is on the class path. */
  static Optional<ProgramRunner> find() {
    return ServiceLoader.load(ProgramRunner.class, ProgramRunner.class.getClassLoader())
        .findFirst();
  }
}
