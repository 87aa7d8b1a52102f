package dev.hydra4j.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.run.AtomicFiles;
import dev.hydra4j.run.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process running a local sweep, recorded as {@code launcher.json} in the sweep directory while
 * it runs, so that {@code hydra4j kill} from another shell can find and stop it.
 *
 * @param pid the JVM's process id on {@code host}
 * @param start when the launch began
 */
record LauncherProcess(long pid, String host, Instant start) {

  static final String NAME = "launcher.json";

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
}
