package dev.hydra4j.cli;

import dev.hydra4j.execute.SweepKill;
import dev.hydra4j.launch.Terminal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "kill",
    mixinStandardHelpOptions = true,
    description = {
      "Stop a sweep from any shell. SLURM: scancel its pending and running jobs"
          + " (finished ones keep their state). Local: ask its launcher to stop, as Ctrl-C"
          + " would (its running jobs are stopped and recorded INTERRUPTED)."
    },
    footer = {
      "",
      "Examples:",
      "  hydra4j kill multirun/2026-01-31/12-00-00",
      "  hydra4j kill lr_sweep -y          # by name, without the question",
      "",
      "Exit codes: 0 stopped (or nothing was running), 1 it runs where this shell cannot"
          + " reach it, 2 not a sweep or SLURM unreachable."
    })
final class KillCommand extends SweepDirCommand implements Callable<Integer> {

  @Option(
      names = {"-y", "--force"},
      description =
          "Do not ask for confirmation (a terminal" + " is asked; scripts and pipes never are).")
  boolean force;

  @Override
  public Integer call() {
    java.nio.file.Path dir = dir();
    java.io.Console console = Terminal.console();
    if (!force && console != null) {
      String answer = console.readLine("Stop %s? [y/N] ", dir);
      if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
        out.println("hydra4j: nothing stopped");
        return ExitCode.OK;
      }
    }
    return dev.hydra4j.execute.SavedPipeline.is(dir)
        ? dev.hydra4j.execute.SavedPipeline.open(dir, err, java.util.List.of()).kill(out)
        : SweepKill.kill(dir, out);
  }
}
