package dev.hydra4j.cli;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.compose.Version;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.execute.DryRun;
import dev.hydra4j.execute.LaunchRequest;
import dev.hydra4j.execute.Multirun;
import dev.hydra4j.execute.SingleRun;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.sweep.SweepOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hydra4j [options] [overrides…] [-- command…]}: compose, print, run or sweep. */
@Command(
    name = "hydra4j",
    mixinStandardHelpOptions = true,
    versionProvider = Hydra4jCommand.VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Composes a config from a tree of config files (conf/) and command-line overrides,"
          + " then prints it, runs a command with it, or sweeps over many configs.",
      ""
    },
    footer = {
      "",
      "Overrides (Hydra's grammar):",
      "  key=value        change a value        +key=value   add a new key",
      "  ++key=value      add or change         ~key         delete a key",
      "  group=option     choose a config       +group=opt   add a group default",
      "  key=a,b,c        sweep (with -m)       key=range(1,5), choice(a,b), glob(*)",
      "",
      "Examples:",
      "  hydra4j --cfg job experiment=exp_person_25 training.epochs=100",
      "  hydra4j -m experiment=exp_person_25,exp_person_50 -- python3 examples/train.py",
      "  hydra4j --info defaults hydra/launcher=slurm",
      "  hydra4j -m hydra/launcher=slurm seed=1,2,3 --dry-run    (review the sbatch scripts)",
      "  hydra4j -m hydra/launcher=slurm seed=1,2,3 [--wait]     (submit [and follow])",
      "",
      "Exit codes: 0 success, 1 a job failed, 2 usage or config error (nothing ran),",
      "  3 I/O failure after jobs started (resume continues), 70 internal error (a bug),",
      "  130 interrupted."
    })
public final class Hydra4jCommand implements Callable<Integer> {

  @Option(
      names = {"--cfg", "-c"},
      paramLabel = "job|hydra|all",
      description = "Print the composed config (job, hydra or all) and exit.")
  String cfg;

  @Option(
      names = {"--resolve"},
      description = "Resolve interpolations in --cfg output.")
  boolean resolve;

  @Option(
      names = {"--package", "-p"},
      paramLabel = "PKG",
      description = "With --cfg: print only this package (e.g. training).")
  String packageName;

  @Option(
      names = {"--info", "-i"},
      arity = "0..1",
      fallbackValue = "all",
      paramLabel = "all|config|defaults|defaults-tree|searchpath",
      parameterConsumer = InfoConsumer.class,
      description =
          "Print information about the composition and exit"
              + " (config shows where each value came from).")
  String info;

  @Option(
      names = {"--explain"},
      paramLabel = "KEY",
      description = "Show which file:line or override set KEY, and its value.")
  String explain;

  @Mixin ConfigTreeOptions tree = new ConfigTreeOptions();

  @Option(
      names = {"--multirun", "-m"},
      description = "Run a sweep: one job per combination of the swept overrides.")
  boolean multirun;

  @Option(
      names = {"--pipeline"},
      paramLabel = "FILE",
      description =
          "Run the stages of a pipeline file (train, then eval, ...), each a sweep in its own"
              + " directory under one; the overrides given here apply to every stage.")
  java.nio.file.Path pipeline;

  @Option(
      names = {"--dry-run"},
      description = "With -m: plan and check every job, print them, write nothing.")
  boolean dryRun;

  @Option(
      names = {"--wait"},
      description =
          "With -m on SLURM: follow the sweep with a progress bar until every job"
              + " has ended (exit 0 if all completed, 1 otherwise), instead of submitting and"
              + " returning at once.")
  boolean waitForJobs;

  @Option(
      names = {"--format"},
      paramLabel = "table|json",
      defaultValue = "table",
      description = "--dry-run output: a table of the swept keys, or JSON for machines.")
  String format = "table";

  @Option(
      names = {"--zip"},
      paramLabel = "KEY,KEY[,…]",
      split = ";",
      description = "Sweep these keys together (equal lengths), not as a product.")
  List<String> zip = new ArrayList<>();

  @Option(
      names = {"--filter"},
      paramLabel = "EXPR",
      description =
          "Keep only jobs whose config makes EXPR true, e.g."
              + " 'training.lr < 0.01 && experiment.name != \"person_25\"'.")
  String filter;

  @Option(
      names = {"--sample"},
      paramLabel = "N",
      description = "Run a random subset of N jobs of the grid (see --seed).")
  int sample;

  @Option(
      names = {"--seed"},
      paramLabel = "N",
      description = "Seed for --sample (default 0).")
  long seed;

  @Option(
      names = {"--jobs"},
      paramLabel = "LIST",
      description = "Run only these grid positions, e.g. 3,5,7-9.")
  String jobs;

  @Option(
      names = {"--name"},
      paramLabel = "NAME",
      description = "Name this run or sweep (kept in meta.json; see hydra4j runs, show).")
  String runName;

  @Option(
      names = {"--tag"},
      paramLabel = "TAG",
      description = "Tag this run or sweep (repeatable; change later with hydra4j tag).")
  List<String> runTags = new ArrayList<>();

  @Option(
      names = {"--note"},
      paramLabel = "TEXT",
      description = "A note about this run or sweep (add more later with hydra4j note).")
  List<String> runNotes = new ArrayList<>();

  @Option(
      names = {"--shell-completion"},
      paramLabel = "install=bash|zsh",
      description = "Print a completion script for bash or zsh (source it in your shell).")
  String shellCompletion;

  @Option(
      names = {"--complete"},
      hidden = true,
      paramLabel = "WORD",
      description = "Print completion candidates for WORD (used by the completion script).")
  String complete;

  @Parameters(paramLabel = "OVERRIDE", description = "Overrides in Hydra's grammar.")
  List<String> overrides = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;

  /** A program's own jobs ({@link ProgramMain}), run in place of a launched command. */
  ProgramMain.Jobs programJobs;

  private final List<String> command;
  private final List<String> argv;

  Hydra4jCommand(PrintStream out, PrintStream err, List<String> command, List<String> argv) {
    this.out = out;
    this.err = err;
    this.command = command;
    this.argv = argv;
  }

  @java.lang.Override
  public Integer call() {
    if (shellCompletion != null) {
      return Completion.print(shellCompletion, searchPath(), out);
    }
    Composer composer = new Composer(searchPath());
    if (complete != null) {
      return Completion.complete(complete, composer, tree.configName, out);
    }
    if (programJobs == null) {
      checkForMistypedWords();
    }
    List<ParsedOverride> parsed = parseOverrides(overrides);
    boolean preview = cfg != null || info != null || explain != null;
    if (!preview && (resolve || packageName != null)) {
      throw new ConfigException(
          (resolve ? "--resolve" : "--package") + " only applies to --cfg",
          Origin.of("the command line"),
          "e.g. hydra4j --cfg job"
              + (resolve ? " --resolve" : " -p " + packageName)
              + "; without --cfg, hydra4j runs the job");
    }
    if (preview && multirun) {
      throw new ConfigException(
          "--cfg, --info and --explain show one config, not a sweep",
          Origin.of("--multirun"),
          "to see every job's config: hydra4j -m --dry-run --format json"
              + " …; to preview one job, drop -m and give one value per key");
    }
    if (preview) {
      ConfigPrinter printer = new ConfigPrinter(composer, tree.configName, out);
      if (info != null) {
        printer.info(info, parsed);
      }
      if (explain != null) {
        printer.explain(explain, parsed);
      }
      if (cfg != null) {
        printer.cfg(cfg, packageName, resolve, parsed);
      }
      return ExitCode.OK;
    }
    LaunchRequest request =
        new LaunchRequest(
            searchPath(),
            tree.configName,
            overrides,
            command,
            sweepOptions(),
            argv,
            new LaunchRequest.Label(runName, runTags, runNotes),
            out,
            err,
            waitForJobs);
    if (pipeline != null) {
      if (programJobs != null) {
        throw new ConfigException(
            "--pipeline runs commands, not a program's own jobs",
            Origin.of("--pipeline"),
            "give each stage a command in the pipeline file and run it with the hydra4j CLI");
      }
      return dev.hydra4j.execute.PipelineRun.run(request, pipeline, dryRun);
    }
    // Hydra 1.2+: a config may ask for a sweep itself with hydra.mode: MULTIRUN.
    boolean sweep =
        multirun
            || composer.declaredMode(tree.configName, parsed)
                == dev.hydra4j.compose.RunMode.MULTIRUN;
    if (!sweep) {
      if (dryRun || !zip.isEmpty() || filter != null || sample > 0 || jobs != null || waitForJobs) {
        throw new ConfigException(
            "--dry-run, --zip, --filter, --sample, --jobs and --wait" + " shape a sweep",
            Origin.of("the command line"),
            "add --multirun (-m)");
      }
      return programJobs != null
          ? programJobs.run(searchPath(), tree.configName, overrides, false)
          : SingleRun.run(request);
    }
    if (dryRun) {
      return DryRun.run(request, format, programJobs != null);
    }
    return programJobs != null
        ? programJobs.run(searchPath(), tree.configName, overrides, true)
        : Multirun.run(request);
  }

  private SweepOptions sweepOptions() {
    List<List<String>> groups = new ArrayList<>();
    for (String group : zip) {
      groups.add(List.of(group.split(",")));
    }
    return new SweepOptions(groups, filter, sample, seed, jobs);
  }

  /**
   * A bare word that is no override but is close to a command ({@code staus}) gets a did-you-mean
   * instead of the override parser's "missing '='".
   */
  private void checkForMistypedWords() {
    java.util.Set<String> commands = Main.SUBCOMMANDS.keySet();
    for (String word : overrides) {
      if (word.contains("=") || word.startsWith("~") || word.startsWith("+")) {
        continue;
      }
      List<String> close = dev.hydra4j.compose.Suggestions.closest(word, commands);
      if (close.isEmpty() && COMMAND_WORDS.containsKey(word)) {
        close = List.of(COMMAND_WORDS.get(word));
      }
      if (!close.isEmpty()) {
        throw new ConfigException(
            "Unknown command '" + word + "'",
            Origin.of(word),
            "did you mean '" + close.get(0) + "'? Commands: " + String.join(", ", commands));
      }
    }
  }

  /** Words people coming from other tools type for a command, and the command they mean. */
  private static final java.util.Map<String, String> COMMAND_WORDS =
      java.util.Map.ofEntries(
          java.util.Map.entry("list", "runs"), java.util.Map.entry("ls", "runs"),
          java.util.Map.entry("history", "runs"), java.util.Map.entry("ps", "status"),
          java.util.Map.entry("stop", "kill"), java.util.Map.entry("cancel", "kill"),
          java.util.Map.entry("scancel", "kill"), java.util.Map.entry("diff", "compare"),
          java.util.Map.entry("results", "collect"), java.util.Map.entry("harvest", "collect"),
          java.util.Map.entry("watch", "monitor"), java.util.Map.entry("tail", "monitor"),
          java.util.Map.entry("html", "report"), java.util.Map.entry("jupyter", "notebook"),
          java.util.Map.entry("describe", "show"), java.util.Map.entry("label", "tag"));

  static List<ParsedOverride> parseOverrides(List<String> texts) {
    List<ParsedOverride> parsed = new ArrayList<>(texts.size());
    for (String text : texts) {
      parsed.add(OverrideParser.parse(text));
    }
    return parsed;
  }

  SearchPath searchPath() {
    return tree.searchPath();
  }

  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @java.lang.Override
    public String[] getVersion() {
      return new String[] {
        "hydra4j " + Version.VALUE, "Java " + System.getProperty("java.version")
      };
    }
  }
}
