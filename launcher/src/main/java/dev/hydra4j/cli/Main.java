package dev.hydra4j.cli;

import dev.hydra4j.config.ConfigException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** The command-line entry point: the only place that calls {@link System#exit}. */
public final class Main {

  private Main() {}

  public static void main(String... args) {
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            false,
            java.nio.charset.StandardCharsets.UTF_8);
    int code = run(out, System.err, args);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs hydra4j with the given streams and returns the exit code. Words after the first {@code --}
   * are the task's command and never reach the option parser.
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    int dashes = Arrays.asList(args).indexOf("--");
    String[] options = dashes < 0 ? args : Arrays.copyOfRange(args, 0, dashes);
    List<String> command =
        dashes < 0 ? List.of() : List.of(Arrays.copyOfRange(args, dashes + 1, args.length));
    Hydra4jCommand quick = new Hydra4jCommand(out, err, command, List.of(args));
    if (QuickLine.parse(options, quick)) {
      return runQuick(quick, out, err);
    }
    Hydra4jCommand root = new Hydra4jCommand(out, err, command, List.of(args));
    Factory factory = new Factory(out, err);
    CommandLine cli = new CommandLine(root, factory);
    try {
      MisplacedCommand.check(cli.getCommandSpec(), options, List.of(args));
    } catch (ConfigException e) {
      return handle(e, err);
    }
    addSubcommands(cli, factory, options);
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true));
    if (Arrays.asList(options).contains("--help") || Arrays.asList(options).contains("-h")) {
      ConfigGroupsHelp.install(cli, options);
    }
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err));
    cli.setParameterExceptionHandler((ex, a) -> usageError(ex, err, "hydra4j"));
    try {
      int code = cli.execute(options);
      out.flush();
      return code;
    } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
      // Thrown outside a command (picocli's own parsing) or not an Exception at all.
      return internalError(e, err);
    } finally {
      out.flush();
    }
  }

  /** Runs a line read by {@link QuickLine} as {@code cli.execute} would have run it. */
  private static int runQuick(Hydra4jCommand root, PrintStream out, PrintStream err) {
    try {
      Integer code = root.call();
      return code == null ? ExitCode.OK : code;
    } catch (CommandLine.ParameterException e) {
      // As picocli reports a bad option thrown from a command: a usage error.
      err.println("error: " + e.getMessage());
      err.println("Run 'hydra4j --help' for usage.");
      return ExitCode.USAGE;
    } catch (Exception e) {
      return handle(e, err);
    } catch (StackOverflowError | OutOfMemoryError e) {
      return internalError(e, err);
    } finally {
      out.flush();
    }
  }

  /** The subcommands, by name, in the order {@code --help} lists them. */
  static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static java.util.Map<String, Class<?>> subcommands() {
    java.util.Map<String, Class<?>> map = new java.util.LinkedHashMap<>();
    map.put("resume", ResumeCommand.class);
    map.put("rerun", RerunCommand.class);
    map.put("run-job", RunJobCommand.class);
    map.put("status", StatusCommand.class);
    map.put("kill", KillCommand.class);
    map.put("collect", CollectCommand.class);
    map.put("runs", RunsCommand.class);
    map.put("show", ShowCommand.class);
    map.put("compare", CompareCommand.class);
    map.put("tag", TagCommand.class);
    map.put("note", NoteCommand.class);
    map.put("export", ExportCommand.class);
    map.put("monitor", MonitorCommand.class);
    map.put("report", ReportCommand.class);
    map.put("notebook", NotebookCommand.class);
    map.put("schema", SchemaCommand.class);
    return java.util.Collections.unmodifiableMap(map);
  }

  /**
   * Registers only the subcommand this run needs (all of them for {@code --help}): picocli inspects
   * every registered command at start-up, and {@code --cfg job} must start fast.
   */
  private static void addSubcommands(CommandLine cli, Factory factory, String[] options) {
    String first = options.length == 0 ? null : options[0];
    boolean help =
        Arrays.asList(options).contains("--help") || Arrays.asList(options).contains("-h");
    for (java.util.Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
      if (e.getKey().equals(first) || (help && !SUBCOMMANDS.containsKey(first))) {
        try {
          cli.addSubcommand(e.getKey(), new CommandLine(factory.create(e.getValue()), factory));
        } catch (Exception ex) {
          throw new IllegalStateException("cannot create the command " + e.getKey(), ex);
        }
      }
    }
  }

  /** Gives subcommands the streams of this run. */
  private record Factory(PrintStream out, PrintStream err) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (Streams.class.isAssignableFrom(type)) {
        K command = CommandLine.defaultFactory().create(type);
        ((Streams) command).use(out, err);
        return command;
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  static int usageError(CommandLine.ParameterException ex, PrintStream err, String program) {
    err.println("error: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Run '" + program + " --help' for usage.");
    return ExitCode.USAGE;
  }

  /** Set (to anything) to print an internal error's stack trace. */
  static final String DEBUG_VARIABLE = "HYDRA4J_DEBUG";

  static int handle(Throwable ex, PrintStream err) {
    if (ex instanceof ConfigException config) {
      err.println("error: " + config.render());
      return ExitCode.USAGE;
    }
    if (ex instanceof UncheckedIOException io) {
      err.println("error: " + io.getCause().getMessage());
      return ExitCode.USAGE;
    }
    return internalError(ex, err);
  }

  /**
   * A bug: one line that says so, and the stack trace only when {@value #DEBUG_VARIABLE} is set, so
   * a user sees no wall of Java frames but a report can still carry them.
   */
  static int internalError(Throwable ex, PrintStream err) {
    err.println(
        "internal error: "
            + ex.getClass().getSimpleName()
            + (ex.getMessage() == null
                ? ""
                : ": " + ex.getMessage().lines().findFirst().orElse("")));
    err.println(
        "  this is a bug in hydra4j, not in your input; please report it with the"
            + " command you ran (run it again with "
            + DEBUG_VARIABLE
            + "=1 for the details)");
    if (System.getenv(DEBUG_VARIABLE) != null) {
      ex.printStackTrace(err);
    }
    return ExitCode.INTERNAL_ERROR;
  }
}
