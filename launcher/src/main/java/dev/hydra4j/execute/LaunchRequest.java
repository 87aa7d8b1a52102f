package dev.hydra4j.execute;

import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.sweep.SweepOptions;
import java.io.PrintStream;
import java.util.List;

/**
 * Everything one invocation asks for: what to compose, how to sweep, what to run, and where to talk
 * to the user.
 *
 * @param argv the invocation's arguments as received, recorded in {@code run.json}
 * @param label the run's name, tags and notes ({@code --name}, {@code --tag}, {@code --note})
 * @param waitForJobs {@code --wait}: a SLURM sweep is followed until its jobs end, instead of
 *     submitted and left to run
 */
public record LaunchRequest(
    SearchPath searchPath,
    String configName,
    List<String> overrides,
    List<String> command,
    SweepOptions sweepOptions,
    List<String> argv,
    Label label,
    PrintStream out,
    PrintStream err,
    boolean waitForJobs) {

  /** A request with no label that submits a SLURM sweep and returns (no {@code --wait}). */
  public LaunchRequest(
      SearchPath searchPath,
      String configName,
      List<String> overrides,
      List<String> command,
      SweepOptions sweepOptions,
      List<String> argv,
      PrintStream out,
      PrintStream err) {
    this(
        searchPath,
        configName,
        overrides,
        command,
        sweepOptions,
        argv,
        Label.NONE,
        out,
        err,
        false);
  }

  /** What a person calls a run: written to its {@code meta.json}, editable later. */
  public record Label(String name, List<String> tags, List<String> notes) {
    public static final Label NONE = new Label(null, List.of(), List.of());

    public Label {
      tags = tags == null ? List.of() : List.copyOf(tags);
      notes = notes == null ? List.of() : List.copyOf(notes);
    }

    void write(java.nio.file.Path dir) throws java.io.IOException {
      dev.hydra4j.results.RunRegistry.register(dir);
      dev.hydra4j.results.RunMeta.write(dir, name, tags, notes);
    }
  }

  public LaunchRequest {
    label = label == null ? Label.NONE : label;
    overrides = List.copyOf(overrides);
    command = List.copyOf(command);
    argv = List.copyOf(argv);
  }
}
