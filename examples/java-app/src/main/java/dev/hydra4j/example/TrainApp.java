package dev.hydra4j.example;

import dev.hydra4j.Hydra4j;
import dev.hydra4j.Hydra4jException;
import dev.hydra4j.Sweep;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A JVM program that composes its config with hydra4j-core alone, binds it to records, and runs a
 * sweep's jobs itself. From the repository root, after {@code mvn install}:
 *
 * <pre>
 *   mvn -q -f examples/java-app/pom.xml package
 *   CP=examples/java-app/target/classes:$HOME/.m2/repository/dev/hydra4j/hydra4j-core/0.1.0/hydra4j-core-0.1.0.jar
 *   java -cp $CP dev.hydra4j.example.TrainApp training=long          # one run
 *   java -cp $CP dev.hydra4j.example.TrainApp -m training.lr=0.1,0.01  # a sweep, in this process
 * </pre>
 *
 * A config that does not fit the records (try {@code training.lr=fast +training.warmup=5}) stops
 * before anything runs, with every problem and its file:line, and exit code 2.
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

  private static final Path CONF = Path.of("conf");

  private TrainApp() {}

  public static void main(String[] args) {
    boolean multirun = args.length > 0 && args[0].equals("-m");
    String[] overrides = multirun ? Arrays.copyOfRange(args, 1, args.length) : args;
    try {
      if (multirun) {
        Sweep sweep = Hydra4j.sweep(CONF, "config", overrides);
        // Every job is bound before the first one runs: a bad value in job 7 stops job 0 too.
        List<AppConfig> configs = sweep.bind(AppConfig.class);
        for (int i = 0; i < configs.size(); i++) {
          Sweep.Job job = sweep.get(i);
          System.out.printf("job %d %s: %s%n", job.num(), job.overrides(), train(configs.get(i)));
        }
      } else {
        AppConfig config = Hydra4j.load(CONF, "config", overrides).bind(AppConfig.class);
        System.out.println(config.runName() + ": " + train(config));
      }
    } catch (Hydra4jException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  /** A stand-in for training: the loss after the epochs at this learning rate. */
  static String train(AppConfig config) {
    Training training = config.training();
    double loss = 2.0;
    for (int epoch = 0; epoch < training.epochs(); epoch++) {
      loss *= 1 - Math.min(0.5, training.lr() * 8);
    }
    return String.format(
        "%s, %d epochs, lr=%s -> loss %.4f",
        config.experiment().name(), training.epochs(), training.lr(), loss);
  }
}
