package dev.hydra4j.launch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.Host;
import dev.hydra4j.run.RunDirectory;
import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The process running a local sweep, recorded as {@code launcher.json} in the sweep directory while
 * it runs, so that {@code hydra4j kill} from another shell can find and stop it: SIGINT, as if
 * Ctrl-C had been pressed in its terminal (it stops its jobs and records them INTERRUPTED).
 *
 * @param pid the JVM's process id on {@code host}
 * @param start when the launch began
 */
record LauncherProcess(long pid, String host, Instant start) {

  static final String NAME = RunLayout.LAUNCHER_PROCESS;

  static void record(Path sweepDir) throws IOException {
    LauncherProcess me =
        new LauncherProcess(ProcessHandle.current().pid(), Host.name(), Instant.now());
    AtomicFiles.write(
        sweepDir.resolve(NAME),
        "{\"pid\":"
            + me.pid
            + ",\"host\":\""
            + me.host.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\"start\":\""
            + me.start
            + "\"}\n");
  }

  static void clear(Path sweepDir) {
    try {
      Files.deleteIfExists(sweepDir.resolve(NAME));
    } catch (IOException e) {
      // a stale record is recognised as such: its process is gone
    }
  }

  /** The recorded launcher, or empty when none is recorded (finished, or never started). */
  static Optional<LauncherProcess> read(Path sweepDir) throws IOException {
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(sweepDir.resolve(NAME)));
      return Optional.of(
          new LauncherProcess(
              root.path("pid").asLong(),
              root.path("host").asText(),
              Instant.parse(root.path("start").asText())));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * True when it still runs here: this host, and a live process with that pid, older than the
   * record.
   */
  boolean isAliveHere() {
    if (!host.equals(Host.name())) {
      return false;
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(
            p ->
                p.info()
                    .startInstant()
                    .map(s -> !s.isAfter(start.plus(Duration.ofSeconds(1))))
                    .orElse(true))
        .orElse(false);
  }

  /** {@code kill} of a local sweep; returns the exit code: 0 when stopped or nothing ran. */
  static int stop(Path dir, PrintStream out) throws IOException {
    var recorded = read(dir);
    if (recorded.isEmpty()) {
      out.println(
          "nothing to stop: no hydra4j launcher is running for "
              + RunDirectory.display(dir)
              + " (it has finished, or was killed)");
      return 0;
    }
    LauncherProcess launcher = recorded.get();
    if (!launcher.isAliveHere()) {
      if (!launcher.host().equals(Host.name())) {
        out.println(
            "cannot stop it from here: the sweep's launcher runs on "
                + launcher.host()
                + " as pid "
                + launcher.pid()
                + "; run hydra4j kill there, or press Ctrl-C in its"
                + " terminal");
        return 1;
      }
      out.println(
          "nothing to stop: the sweep's launcher (pid "
              + launcher.pid()
              + ") is no longer running");
      return 0;
    }
    Process signal =
        new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid()))
            .redirectErrorStream(true)
            .start();
    String said =
        new String(signal.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (signal.waitFor() != 0) {
        out.println("cannot signal the launcher (pid " + launcher.pid() + "): " + said);
        return 1;
      }
      out.println(
          "asked the sweep's launcher (pid "
              + launcher.pid()
              + ") to stop, as Ctrl-C"
              + " would: it stops its running jobs and records them INTERRUPTED");
      // It removes its record when it has stopped; give it the kill grace and a little more.
      for (int i = 0; i < 150 && Files.exists(dir.resolve(NAME)); i++) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (Files.exists(dir.resolve(NAME))) {
      out.println("it is still stopping; run hydra4j kill again to kill its jobs at once");
    } else {
      out.println("stopped; hydra4j resume " + RunDirectory.display(dir) + " runs what is left");
    }
    return 0;
  }
}
