package dev.hydra4j.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs some integration tests drive (Chromium, Debian's Python with nbformat): found, or
 * the test is skipped with the reason — and fails instead under {@code CI=true}, where
 * scripts/install-test-deps.sh must have installed them.
 */
final class ExternalTools {

  private ExternalTools() {}

  static void missing(String what) {
    String reason = what + " is not installed (scripts/install-test-deps.sh installs it)";
    if ("true".equals(System.getenv("CI"))) {
      fail(reason + "; under CI=true this test must run");
    }
    Assumptions.abort(reason);
  }

  /** The first of {@code names} that is an executable on PATH (or an absolute path). */
  static Path find(String... names) {
    for (String name : names) {
      if (name.startsWith("/")) {
        if (Files.isExecutable(Path.of(name))) {
          return Path.of(name);
        }
        continue;
      }
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** A finished process: exit code and merged output. */
  record Result(int exitCode, String output) {}

  static Result run(List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(new ArrayList<>(command))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[][] output = new byte[1][];
    Thread reader =
        new Thread(
            () -> {
              try {
                output[0] = p.getInputStream().readAllBytes();
              } catch (IOException e) {
                output[0] = new byte[0];
              }
            });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
      reader.join();
      fail(command.get(0) + " did not finish in " + timeoutSeconds + " s");
    }
    reader.join();
    return new Result(p.exitValue(), new String(output[0], StandardCharsets.UTF_8));
  }
}
