package dev.hydra4j.cli;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command typed after options or overrides ({@code hydra4j -cp conf status}): picocli would take
 * it for an override or reject the command's own options, so it is caught first and answered with
 * the command line as it should be written.
 */
final class MisplacedCommand {

  private MisplacedCommand() {}

  /** Throws when a command name stands anywhere but first among {@code options}. */
  static void check(CommandSpec root, String[] options, List<String> args) {
    for (int i = 0; i < options.length; i++) {
      String word = options[i];
      if (word.startsWith("-")) {
        OptionSpec option = word.contains("=") ? null : root.findOption(word);
        // An option's value (-cn status) is no command; --info takes only its kinds.
        if (option != null && option.arity().max() > 0 && option.parameterConsumer() == null) {
          i++;
        }
      } else if (i > 0 && Main.SUBCOMMANDS.containsKey(word)) {
        throw new ConfigException(
            "'" + word + "' is a command: it must come first, before" + " any option or override",
            Origin.of("the command line"),
            hint(word, i, options, args));
      }
    }
  }

  /** The command line as it should be, when the command takes every option given. */
  private static String hint(String command, int at, String[] options, List<String> args) {
    List<String> foreign = optionsNotTakenBy(command, options);
    if (!foreign.isEmpty()) {
      return "write the command first (hydra4j "
          + command
          + " …); "
          + command
          + " does not take "
          + String.join(", ", foreign)
          + ", see hydra4j "
          + command
          + " --help";
    }
    List<String> fixed = new ArrayList<>(List.of("hydra4j", command));
    for (int j = 0; j < args.size(); j++) {
      if (j != at) {
        fixed.add(quoted(args.get(j)));
      }
    }
    return "write it as: " + String.join(" ", fixed);
  }

  /** The options among {@code options} that the command does not know. */
  private static List<String> optionsNotTakenBy(String command, String[] options) {
    // Built only here, on the error path: start-up registers just the command that runs.
    CommandSpec spec = new CommandLine(Main.SUBCOMMANDS.get(command)).getCommandSpec();
    List<String> foreign = new ArrayList<>();
    for (String word : options) {
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      if (word.startsWith("-") && spec.findOption(name) == null && !foreign.contains(name)) {
        foreign.add(name);
      }
    }
    return foreign;
  }

  private static String quoted(String word) {
    boolean plain =
        !word.isEmpty()
            && word.chars()
                .allMatch(c -> Character.isLetterOrDigit(c) || "-_=,./:@+%".indexOf(c) >= 0);
    return plain ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
