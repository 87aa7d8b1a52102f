package dev.hydra4j.cli;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command typed after options or overrides ({@code hydra4j -cp conf status}): picocli
 * would take it for an override or reject the command's own options, so it is caught first
 * and answered with the command line as it should be written.
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
        List<String> fixed = new ArrayList<>(List.of("hydra4j", word));
        for (int j = 0; j < args.size(); j++) {
          if (j != i) {
            fixed.add(quoted(args.get(j)));
          }
        }
        throw new ConfigException("'" + word + "' is a command: it must come first, before"
            + " any option or override", Origin.of("the command line"),
            "write it as: " + String.join(" ", fixed));
      }
    }
  }

  private static String quoted(String word) {
    boolean plain = !word.isEmpty() && word.chars()
        .allMatch(c -> Character.isLetterOrDigit(c) || "-_=,./:@+%".indexOf(c) >= 0);
    return plain ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
