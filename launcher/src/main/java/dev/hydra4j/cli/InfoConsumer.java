package dev.hydra4j.cli;

import dev.hydra4j.compose.Suggestions;
import java.util.List;
import java.util.Set;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --info} takes an optional kind; the next word is taken only when it is one of the kinds,
 * so {@code --info db=mysql} keeps {@code db=mysql} as an override.
 */
final class InfoConsumer implements IParameterConsumer {

  /** A plain word (not an override or an option) after --info was meant as its kind. */
  private static boolean looksLikeAKind(String word) {
    return !word.isEmpty()
        && !word.contains("=")
        && !word.startsWith("-")
        && !word.startsWith("+")
        && !word.startsWith("~")
        && !Suggestions.closest(word, KINDS).isEmpty();
  }

  static final Set<String> KINDS =
      Set.of("all", "config", "defaults", "defaults-tree", "searchpath");

  @java.lang.Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    String kind = "all";
    if (!args.isEmpty() && KINDS.contains(args.peek())) {
      kind = args.pop();
    } else if (!args.isEmpty() && looksLikeAKind(args.peek())) {
      String wrong = args.peek();
      List<String> close = Suggestions.closest(wrong, KINDS);
      throw new ParameterException(
          commandSpec.commandLine(),
          "Unknown --info kind '"
              + wrong
              + "'"
              + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?")
              + " Kinds: all, config, defaults, defaults-tree, searchpath");
    }
    argSpec.setValue(kind);
  }
}
