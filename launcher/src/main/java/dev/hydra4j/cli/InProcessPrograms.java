package dev.hydra4j.cli;

import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.execute.InProcessRun;
import dev.hydra4j.program.ProgramRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher's side of {@code Hydra4j.main}: the command line's parsing and printing, and job
 * directories for jobs that run in this process. Found through {@code
 * META-INF/services/dev.hydra4j.program.ProgramRunner}.
 */
public final class InProcessPrograms implements ProgramRunner {

  @Override
  public int main(
      String program,
      String[] args,
      Path configDir,
      String configName,
      Jobs jobs,
      PrintStream out,
      PrintStream err) {
    return ProgramMain.run(program, args, configDir, configName, jobs::run, out, err);
  }

  @Override
  public int runJobs(
      SearchPath searchPath,
      String configName,
      List<String> overrides,
      boolean multirun,
      List<String> argv,
      PrintStream err,
      Task task) {
    return InProcessRun.run(searchPath, configName, overrides, multirun, argv, err, task::run);
  }

  @Override
  public int cli(PrintStream out, PrintStream err, String... args) {
    return Main.run(out, err, args);
  }
}
