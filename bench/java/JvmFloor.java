import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor for a JVM that keeps Hydra's record of every job: bench/layout_floor.py written for
 * the JVM, as a third anchor to xargs. Two worker threads run JOBS x `true`, and for each job
 * create the same ten entries as a hydra4j job directory (the directory, .hydra/ with
 * config.yaml, config.json, hydra.yaml of the given size and overrides.yaml, stdout.log and
 * stderr.log as the task's output, combined.log, status.json). Nothing is composed, checked,
 * flushed or logged; the process starts through ProcessBuilder as hydra4j's do (run it with the
 * launcher's JVM flags), its output going straight to the files.
 *
 * <pre>
 *   javac -d DIR bench/java/JvmFloor.java && java -cp DIR JvmFloor ROOT JOBS HYDRA_YAML_BYTES
 * </pre>
 */
public final class JvmFloor {

  private static final File NO_INPUT = new File("/dev/null");

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int jobs = Integer.parseInt(args[1]);
    byte[] hydraYaml = new byte[Integer.parseInt(args[2])];
    Arrays.fill(hydraYaml, (byte) 'x');
    Files.createDirectories(root);
    AtomicInteger next = new AtomicInteger();
    Thread[] workers = new Thread[2];
    for (int w = 0; w < workers.length; w++) {
      workers[w] =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
                  try {
                    job(root.resolve(Integer.toString(i)), i, hydraYaml);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              });
      workers[w].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }

  private static void job(Path dir, int i, byte[] hydraYaml)
      throws IOException, InterruptedException {
    Path hydra = dir.resolve(".hydra");
    Files.createDirectory(dir);
    Files.createDirectory(hydra);
    write(hydra.resolve("config.yaml"), "x: " + i + "\n");
    write(hydra.resolve("config.json"), "{\n  \"x\": " + i + "\n}\n");
    Files.write(hydra.resolve("hydra.yaml"), hydraYaml, StandardOpenOption.CREATE_NEW);
    write(hydra.resolve("overrides.yaml"), "- x=" + i + "\n");
    Process process =
        new ProcessBuilder("true")
            .redirectInput(NO_INPUT)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
    int exit = process.waitFor();
    Files.createFile(dir.resolve("combined.log"));
    write(
        dir.resolve("status.json"),
        "{\"num\":" + i + ",\"state\":\"COMPLETED\",\"exit_code\":" + exit + "}\n");
  }

  private static void write(Path file, String text) throws IOException {
    Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
  }
}
