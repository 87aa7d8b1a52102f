package dev.hydra4j.example;

import dev.hydra4j.Hydra4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JVM program whose main logic runs once per job, like a Python function under
 * {@code @hydra.main}, with its config bound to records. From the repository root:
 *
 * <pre>
 *   mvn -q -DskipTests -pl examples/java-app -am package
 *   java -cp launcher/target/hydra4j.jar:examples/java-app/target/classes \
 *       dev.hydra4j.example.TrainApp -m training.lr=0.1,0.01
 * </pre>
 *
 * A config that does not fit the records (try {@code training.lr=fast +training.warmup=5}) stops
 * before any job runs, with every problem and its file:line.
 */
public final class TrainApp {

  /** conf/training/*.yaml; YAML's {@code batch_size} binds to {@code batchSize}. */
  public record Training(
      int epochs, int batchSize, int imageSize, double lr, int patience, String model) {}

  /** conf/experiment/*.yaml. */
  public record Experiment(
      String name, String description, Map<String, Double> frameSampleFractions) {}

  /** The whole job config (conf/config.yaml and the options it chose). */
  public record AppConfig(
      Experiment experiment,
      Training training,
      String datasetRoot,
      String outputDataset,
      String runName,
      long seed,
      List<String> testVideos) {}

  private TrainApp() {}

  public static void main(String[] args) {
    System.exit(Hydra4j.main(args, Path.of("conf"), "config", AppConfig.class, TrainApp::train));
  }

  static void train(AppConfig config, Path jobDir, int num) throws Exception {
    Training training = config.training();
    double loss = 2.0;
    for (int epoch = 0; epoch < training.epochs(); epoch++) {
      loss *= 1 - Math.min(0.5, training.lr() * 8);
    }
    System.out.printf(
        "job %d: %s, lr=%s -> loss %.4f%n", num, config.experiment().name(), training.lr(), loss);
    Files.writeString(jobDir.resolve("metrics.json"), "{\"loss\": " + loss + "}\n");
  }
}
