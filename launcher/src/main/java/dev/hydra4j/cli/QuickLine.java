package dev.hydra4j.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The everyday command lines ({@code --cfg job -cp conf db=b}, {@code -m x=1,2}), read without
 * picocli. Building picocli's model of the root command (annotation proxies, converters) is about a
 * third of {@code --cfg job}'s wall time, so a line made only of the plain options below and
 * overrides skips it. Anything else (help, a command, {@code --opt=value}, {@code @file}, a value
 * that starts with {@code -}, an option given twice) is left to picocli, which stays the reference:
 * QuickLineTest checks that both fill {@link Hydra4jCommand} alike.
 */
final class QuickLine {

  private QuickLine() {}

  /**
   * Fills {@code root} from {@code options} and returns true, or returns false (leaving {@code
   * root} partly filled, to be thrown away) when picocli must read this line.
   */
  static boolean parse(String[] options, Hydra4jCommand root) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < options.length; i++) {
      String word = options[i];
      if (word.startsWith("@") || Main.SUBCOMMANDS.containsKey(word)) {
        return false;
      }
      if (!word.startsWith("-")) {
        root.overrides.add(word);
        continue;
      }
      String name = canonical(word);
      boolean repeatable =
          name.equals("--config-dir") || name.equals("--tag") || name.equals("--note");
      if (name.isEmpty() || (!repeatable && !seen.add(name))) {
        return false;
      }
      if (!set(root, name, i + 1 < options.length ? options[i + 1] : null)) {
        return false;
      }
      if (takesValue(name)) {
        i++;
      }
    }
    return true;
  }

  /** The long name of an option read here, or "" for any other word. */
  private static String canonical(String word) {
    return switch (word) {
      case "--cfg", "-c" -> "--cfg";
      case "--package", "-p" -> "--package";
      case "--config-path", "-cp" -> "--config-path";
      case "--config-name", "-cn" -> "--config-name";
      case "--config-dir", "-cd" -> "--config-dir";
      case "--multirun", "-m" -> "--multirun";
      case "--version-base", "--name", "--tag", "--note", "--explain", "--format", "--filter" ->
          word;
      case "--jobs", "--pipeline", "--resolve", "--dry-run", "--wait" -> word;
      default -> "";
    };
  }

  private static boolean takesValue(String name) {
    return switch (name) {
      case "--resolve", "--multirun", "--dry-run", "--wait" -> false;
      default -> true;
    };
  }

  private static boolean set(Hydra4jCommand root, String name, String value) {
    if (takesValue(name) && (value == null || value.startsWith("-") || value.startsWith("@"))) {
      return false;
    }
    try {
      switch (name) {
        case "--cfg" -> root.cfg = value;
        case "--package" -> root.packageName = value;
        case "--config-path" -> root.tree.configPath = Path.of(value);
        case "--config-name" -> root.tree.configName = value;
        case "--config-dir" -> root.tree.configDirs.add(Path.of(value));
        case "--version-base" -> root.tree.versionBase = value;
        case "--name" -> root.runName = value;
        case "--tag" -> root.runTags.add(value);
        case "--note" -> root.runNotes.add(value);
        case "--explain" -> root.explain = value;
        case "--format" -> root.format = value;
        case "--filter" -> root.filter = value;
        case "--jobs" -> root.jobs = value;
        case "--pipeline" -> root.pipeline = Path.of(value);
        case "--resolve" -> root.resolve = true;
        case "--multirun" -> root.multirun = true;
        case "--dry-run" -> root.dryRun = true;
        case "--wait" -> root.waitForJobs = true;
        default -> {
          return false;
        }
      }
    } catch (InvalidPathException e) {
      return false;
    }
    return true;
  }
}
