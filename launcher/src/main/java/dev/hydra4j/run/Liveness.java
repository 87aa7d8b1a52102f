package dev.hydra4j.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. A zombie has exited but stays in the process table until its parent
 * reaps it, and where PID 1 reaps late (these machines: up to ~2 s) Java's {@link
 * ProcessHandle#isAlive()} calls it alive; a job that has exited must not count as running, so
 * Linux's {@code /proc/PID/status} state decides.
 */
public final class Liveness {

  private Liveness() {}

  public static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("State:")) {
          return !line.substring("State:".length()).trim().startsWith("Z");
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc (not Linux) or the process just went away: trust isAlive.
      return process.isAlive();
    }
    return true;
  }
}
