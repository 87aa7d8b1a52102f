package dev.hydra4j.cli;

import dev.hydra4j.results.HarvestRules;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code collect} and {@code report} read and group metrics. */
final class HarvestOptions {

  @Option(
      names = "--group-by",
      paramLabel = "KEY",
      split = ",",
      description =
          "Group jobs by"
              + " KEY (repeatable): per metric the mean, std and 95%% CI; curves as mean ± std.")
  List<String> groupBy = new ArrayList<>();

  @Option(
      names = "--over",
      paramLabel = "KEY",
      split = ",",
      description = "Aggregate over" + " KEY (e.g. seed): group by every other swept key.")
  List<String> over = new ArrayList<>();

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Harvest rules to apply (a"
              + " YAML file with metrics: [...]) besides those recorded with each job; default: the"
              + " current conf/config.yaml's.")
  Path rules;

  /** The rules of {@code --rules FILE}, or else of the current config tree. */
  HarvestRules.Given given(PrintStream err) {
    return rules != null
        ? HarvestRules.fromFile(rules)
        : new CurrentTree(Path.of("").toAbsolutePath(), err).rules();
  }
}
