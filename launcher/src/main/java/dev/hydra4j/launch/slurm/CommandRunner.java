package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as an argument vector (never through a shell) with a time limit. Output goes to
 * temporary files rather than pipes: a large squeue listing can then never block the child while we
 * wait, and what a hung command printed so far can still be read after killing it.
 *
 * <p>Each command runs in a session of its own ({@code setsid}): Ctrl-C in the terminal then
 * reaches hydra4j alone, which stops between commands, and never kills an sbatch half-way (a job
 * that may or may not have been queued, with no id to show for it).
 */
final class CommandRunner {

  static final String INSTALL_HINT =
      "install the SLURM client commands (Debian: apt-get install slurm-client), or start the"
          + " local test cluster with scripts/slurm-local.sh up";

  private final Path binDir;
  private final Map<String, String> environment;
  private final Duration timeout;

  CommandRunner(Path binDir, Map<String, String> environment, Duration timeout) {
    this.binDir = binDir;
    this.environment = Map.copyOf(environment);
    this.timeout = timeout;
  }

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  CommandResult run(String program, List<String> args) {
    List<String> argv = new ArrayList<>();
    argv.add(binDir == null ? program : binDir.resolve(program).toString());
    argv.addAll(args);
    List<String> started = new ArrayList<>(argv);
    if (Files.isExecutable(SETSID)) {
      // setsid execs the program itself, so the program keeps the pid we wait for and kill.
      started.set(0, executable(program, argv).toString());
      started.add(0, SETSID.toString());
    }
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("hydra4j-slurm-", ".out");
      err = Files.createTempFile("hydra4j-slurm-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(started)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = start(builder, program, argv);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw timedOut(argv, Files.readString(err, StandardCharsets.UTF_8));
      }
      return new CommandResult(
          argv,
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("running " + CommandResult.commandLine(argv), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlurmCommandException(
          "interrupted while running " + CommandResult.commandLine(argv), argv, -1, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private Process start(ProcessBuilder builder, String program, List<String> argv) {
    try {
      return builder.start();
    } catch (IOException e) {
      // Java reports a missing executable only through the message ("error=2, No such file").
      throw notInstalled(program, argv, e.getMessage(), e);
    }
  }

  /** The program's file: in binDir, or the first executable one on PATH. */
  private Path executable(String program, List<String> argv) {
    if (binDir != null) {
      Path file = binDir.resolve(program);
      if (Files.isExecutable(file)) {
        return file;
      }
      throw notInstalled(program, argv, "no executable " + file, null);
    }
    String path = environment.getOrDefault("PATH", System.getenv("PATH"));
    for (String dir : (path == null ? "" : path).split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Path.of(dir, program);
      }
    }
    throw notInstalled(program, argv, "not on PATH=" + path, null);
  }

  private ConfigException notInstalled(
      String program, List<String> argv, String why, Throwable cause) {
    String where = binDir == null ? "on PATH" : "in " + binDir;
    return new ConfigException(
        "SLURM is not installed here: '" + program + "' was not found " + where + " (" + why + ")",
        Origin.of("command: " + CommandResult.commandLine(argv)),
        INSTALL_HINT,
        cause);
  }

  private ConfigException timedOut(List<String> argv, String stderr) {
    String said = stderr.strip().isEmpty() ? "" : "; it said:\n" + stderr.strip();
    return new ConfigException(
        "'" + argv.get(0) + "' did not finish within " + limit() + said,
        Origin.of("command: " + CommandResult.commandLine(argv)),
        "check that the SLURM controller is up ('scontrol ping') and that slurm.conf"
            + " (or SLURM_CONF) is readable");
  }

  private String limit() {
    long ms = timeout.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a stray temp file is harmless
      }
    }
  }
}
