package dev.hydra4j.launch.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link SweepMain} started in its own JVM, so it can be sent real signals. */
final class LauncherJvm {

  private LauncherJvm() {}

  static Process start(Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (envCanResetSignals()) {
      // A JVM started with SIGINT ignored (a background job of a script) cannot handle it;
      // make sure the test's JVM starts with the default disposition.
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SweepMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  static void signal(Process process, String signal) throws IOException, InterruptedException {
    int exit =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
            .inheritIO()
            .start()
            .waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill -" + signal + " failed: " + exit);
    }
  }

  private static boolean envCanResetSignals() {
    try {
      return new ProcessBuilder("env", "--default-signal=INT", "true")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
