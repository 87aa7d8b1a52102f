package dev.hydra4j.cli;

import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The arguments of a JVM program's own main ({@code Hydra4j.main}), as {@code @hydra.main} takes
 * them: the CLI's options and overrides, parsed and printed by the same command, with the program's
 * jobs run in this process in place of a launched command.
 */
public final class ProgramMain {

  /** Runs the program's jobs: one, or every job of the sweep when {@code multirun}. */
  @FunctionalInterface
  public interface Jobs {
    int run(SearchPath searchPath, String configName, List<String> overrides, boolean multirun);
  }

  /** Options that shape a sweep the hydra4j command launches, which a program does not. */
  private static final List<String> LAUNCHER_ONLY =
      List.of(
          "--zip",
          "--filter",
          "--sample",
          "--seed",
          "--jobs",
          "--wait",
          "--name",
          "--tag",
          "--note",
          "--shell-completion",
          "--complete");

  private ProgramMain() {}

  /**
   * Runs {@code program}'s jobs, or prints what its flags ask for; returns the exit code. {@code
   * configDir} and {@code configName} are the program's, changed by -cp and -cn.
   */
  public static int run(
      String program,
      String[] args,
      Path configDir,
      String configName,
      Jobs jobs,
      PrintStream out,
      PrintStream err) {
    Hydra4jCommand command = new Hydra4jCommand(out, err, List.of(), List.of(args));
    command.tree.configPath = configDir;
    command.tree.configName = configName;
    command.programJobs = jobs;
    CommandLine cli = new CommandLine(command).setCommandName(program);
    cli.setOut(
        new PrintWriter(
            new java.io.OutputStreamWriter(out, java.nio.charset.Charset.defaultCharset()), true));
    cli.setErr(
        new PrintWriter(
            new java.io.OutputStreamWriter(err, java.nio.charset.Charset.defaultCharset()), true));
    try {
      if (Arrays.asList(args).contains("--")) {
        throw new ConfigException(
            "'--' starts a command to launch; " + program + " runs its jobs itself",
            Origin.of("the command line"),
            "drop '--' and what follows it");
      }
      ParseResult parsed = cli.parseArgs(args);
      for (OptionSpec option : parsed.matchedOptions()) {
        if (LAUNCHER_ONLY.contains(option.longestName())) {
          throw new ConfigException(
              option.longestName()
                  + " does not apply to a program that"
                  + " runs its jobs in this process",
              Origin.of("the command line"),
              program
                  + " takes --cfg, -p, --resolve, --info, --explain, -m, --dry-run, -cp,"
                  + " -cn, -cd and --help; "
                  + option.longestName()
                  + " needs the hydra4j command:"
                  + " hydra4j -m … "
                  + option.longestName()
                  + " … -- java … "
                  + program);
        }
      }
      if (parsed.isUsageHelpRequested()) {
        printHelp(cli, command.tree.configPath, out);
        return ExitCode.OK;
      }
      if (parsed.isVersionHelpRequested()) {
        cli.printVersionHelp(out);
        return ExitCode.OK;
      }
      return command.call();
    } catch (CommandLine.ParameterException e) {
      return Main.usageError(e, err, program);
    } catch (ConfigException e) {
      return Main.handle(e, err);
    } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
      return Main.internalError(e, err);
    } finally {
      out.flush();
    }
  }

  /** The CLI's help without the options a program does not take, and its config groups. */
  private static void printHelp(CommandLine cli, Path configDir, PrintStream out) {
    var spec = cli.getCommandSpec();
    for (String name : LAUNCHER_ONLY) {
      spec.remove(spec.findOption(name));
    }
    String[] footer = spec.usageMessage().footer();
    spec.usageMessage()
        .description(
            "Runs this program once with the config composed from "
                + configDir
                + " and the overrides, or once per job of a sweep with -m; --cfg, --info and"
                + " --explain print the config instead.",
            "")
        .footer(Arrays.copyOf(footer, Arrays.asList(footer).indexOf("Examples:")));
    ConfigGroupsHelp.install(cli, configDir);
    cli.usage(out);
  }
}
