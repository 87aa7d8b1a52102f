package dev.hydra4j.launch.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GPUs {@code nvidia-smi -L} lists, for {@code hydra.launcher.gpus: auto}. No nvidia-smi, or
 * one that fails (no driver loaded), means no GPUs, with the reason.
 */
final class NvidiaSmi {

  /** nvidia-smi's own command, as found on PATH. */
  static final List<String> COMMAND = List.of("nvidia-smi", "-L");

  /** "GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-…)"; MIG devices below a GPU are indented. */
  private static final Pattern GPU_LINE = Pattern.compile("^GPU (\\d{1,9}): .*");

  private static final long PATIENCE_SECONDS = 30;

  /**
   * @param ids the GPUs' indices, as nvidia-smi numbers them
   * @param problem why there are none, or {@code null}
   */
  record Listing(List<Long> ids, String problem) {}

  private NvidiaSmi() {}

  static Listing list(List<String> command) {
    String shown = String.join(" ", command);
    Path output;
    try {
      output = Files.createTempFile("hydra4j-nvidia-smi", ".txt");
    } catch (IOException e) {
      return new Listing(List.of(), "cannot run " + shown + ": " + e.getMessage());
    }
    try {
      return run(command, shown, output);
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // a temporary file left behind; nothing depends on it
      }
    }
  }

  /** The output goes to a file, so that a hung nvidia-smi cannot block a read past the wait. */
  private static Listing run(List<String> command, String shown, Path output) {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(output.toFile())
              .start();
    } catch (IOException e) {
      return new Listing(List.of(), command.get(0) + " was not found");
    }
    try {
      if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Listing(List.of(), shown + " did not answer in " + PATIENCE_SECONDS + " s");
      }
      String out = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        String first = out.lines().findFirst().orElse("").strip();
        return new Listing(
            List.of(), shown + " failed (exit " + process.exitValue() + "): " + first);
      }
      List<Long> ids = new ArrayList<>();
      for (String line : out.lines().toList()) {
        Matcher m = GPU_LINE.matcher(line);
        if (m.matches()) {
          ids.add(Long.parseLong(m.group(1)));
        }
      }
      return new Listing(ids, ids.isEmpty() ? shown + " lists no GPU" : null);
    } catch (IOException e) {
      return new Listing(List.of(), shown + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return new Listing(List.of(), shown + " was interrupted");
    }
  }
}
