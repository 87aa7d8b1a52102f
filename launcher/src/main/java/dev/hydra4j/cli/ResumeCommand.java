package dev.hydra4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Finish a sweep: run every job that has not COMPLETED (pending, failed,"
          + " interrupted, …), in its own directory, with its own number. Completed jobs never"
          + " run again. Refuses when the config tree no longer gives the same configs."
    },
    footer = {"", "Example:", "  hydra4j resume multirun/2026-01-31/12-00-00"})
final class ResumeCommand extends RelaunchCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    var pipeline = pipeline();
    return pipeline != null ? pipeline.resume() : sweep().resume();
  }
}
