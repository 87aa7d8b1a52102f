package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A temporary project directory (a {@code conf/} tree, the working directory of hydra4j) and
 * hydra4j run in it as a real child JVM, the way a user runs it: its own working directory, its own
 * signals, its own exit code. Every process started here is killed, with its descendants, by {@link
 * #close()}.
 */
final class Workspace implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

  private final Path dir;
  private final Path logs;
  private final List<Process> started = new ArrayList<>();
  private final List<ProcessHandle> strays = new ArrayList<>();
  private int runs;

  Workspace(Path temp) {
    this.dir = temp.resolve("project");
    this.logs = temp.resolve("hydra4j-logs");
    try {
      Files.createDirectories(dir.resolve("conf"));
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file("conf/config.yaml", "lr: 0.1\nseed: 0\nname: run\n");
  }

  Path dir() {
    return dir;
  }

  Workspace file(String path, String text) {
    try {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a finished hydra4j printed and returned. */
  record Result(int exitCode, String out, String err) {
    Result expect(int code) {
      assertEquals(code, exitCode, "exit code; stdout:\n" + out + "\nstderr:\n" + err);
      return this;
    }
  }

  /** A hydra4j still running, with the files its streams go to. */
  record Running(Process process, Path out, Path err) {
    Result await() {
      try {
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
          fail("hydra4j still running after " + RUN_LIMIT + "; stderr:\n" + read(err));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return new Result(process.exitValue(), read(out), read(err));
    }

    String errSoFar() {
      return read(err);
    }
  }

  Result run(String... args) {
    return start(args).await();
  }

  /**
   * Starts hydra4j. SIGINT is set back to its default first: a JVM started with SIGINT ignored (as
   * by a shell's {@code &}) keeps ignoring it, and Ctrl+C could not be tested.
   */
  Running start(String... args) {
    List<String> command = new ArrayList<>();
    if (sigintIgnoredHere()) {
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    command.addAll(List.of(args));
    int n = ++runs;
    Path out = logs.resolve("run" + n + ".out");
    Path err = logs.resolve("run" + n + ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      started.add(process);
      return new Running(process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean sigintIgnoredHere() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: assume the default disposition
    }
    return false;
  }

  /** Sends a signal by name (INT, KILL) to a process, as {@code kill -s} does. */
  static void signal(Process process, String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor(), "kill -s " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A process that may outlive its launcher, to kill at the end with what it started so far. Taken
   * while it runs: a handle remembers the process's start time and never signals a later owner of
   * the pid, and its children are listed before they can be orphaned.
   */
  void stray(long pid) {
    ProcessHandle.of(pid)
        .ifPresent(
            p -> {
              strays.add(p);
              p.descendants().forEach(strays::add);
            });
  }

  /** The sweep directories under multirun/DATE/. */
  List<Path> sweepDirs() {
    return timestampedDirs(dir.resolve("multirun"));
  }

  Path onlySweepDir() {
    List<Path> dirs = sweepDirs();
    assertEquals(1, dirs.size(), "sweep directories: " + dirs);
    return dirs.get(0);
  }

  static List<Path> timestampedDirs(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> days = Files.list(root)) {
      List<Path> out = new ArrayList<>();
      for (Path day : days.sorted().toList()) {
        try (Stream<Path> times = Files.list(day)) {
          times.sorted().forEach(out::add);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (up to a generous limit) for a condition on the file system. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** True when no process has this pid any more (a zombie counts as gone). */
  static boolean gone(long pid) {
    Path stat = Path.of("/proc/" + pid + "/stat");
    try {
      String text = Files.readString(stat);
      return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
  }

  static void assertGone(long pid, String what) {
    await(what + " (pid " + pid + ") to be gone", () -> gone(pid));
    assertTrue(gone(pid));
  }

  @Override
  public void close() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (ProcessHandle stray : strays) {
      stray.descendants().forEach(ProcessHandle::destroyForcibly);
      stray.destroyForcibly();
    }
  }
}
