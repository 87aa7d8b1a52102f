package dev.hydra4j.results;

import dev.hydra4j.compose.Suggestions;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How a person names a run or sweep on the command line: its directory, its {@code --name}, the end
 * of its directory ({@code 08-07-13}, {@code 2026-11-22/08-07-13}) or a tag. Names are looked up
 * among the runs below the given roots and the registered ones; a name that fits several lists
 * them, newest first, so the person can pick one.
 */
public final class RunAddress {

  private RunAddress() {}

  /**
   * The directory {@code word} names.
   *
   * @param roots where runs live (from the config), searched with the project's registry
   * @throws ConfigException when nothing or more than one run fits
   */
  public static Path resolve(String word, List<Path> roots, Path project) {
    Path given = Path.of(word);
    if (Files.exists(given) || word.contains("/") && !looksLikeSuffix(word)) {
      return given;
    }
    List<Path> runs = all(roots, project);
    String lower = word.toLowerCase(Locale.ROOT);
    List<Path> found = matching(runs, dir -> lower.equals(lowerName(dir)));
    if (found.isEmpty()) {
      found = matching(runs, dir -> dir.toString().endsWith("/" + word));
    }
    if (found.isEmpty()) {
      found = matching(runs, dir -> RunMeta.readLeniently(dir).tags().contains(word));
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Path dir : runs) {
        String name = RunMeta.readLeniently(dir).name();
        if (name != null) {
          names.add(name);
        }
      }
      String close =
          Suggestions.closest(word, names).stream()
              .findFirst()
              .map(n -> "did you mean '" + n + "'? ")
              .orElse("");
      throw new ConfigException(
          "No run or sweep is called '"
              + word
              + "': it is no"
              + " directory, name, directory name or tag",
          Origin.of(word),
          close + "'hydra4j runs' lists them with their names and tags");
    }
    found.sort(Comparator.comparing(RunFiles::start).reversed());
    StringBuilder list = new StringBuilder();
    for (Path dir : found) {
      RunMeta meta = RunMeta.readLeniently(dir);
      list.append("\n    ")
          .append(Display.path(dir))
          .append("  ")
          .append(Dates.minute(RunFiles.start(dir)))
          .append(meta.name() == null ? "" : "  " + meta.name())
          .append(meta.tags().isEmpty() ? "" : "  [" + String.join(", ", meta.tags()) + "]");
    }
    throw new ConfigException(
        "'" + word + "' fits " + found.size() + " runs:" + list,
        Origin.of(word),
        "give one of these directories, or a name only one run has");
  }

  /** The newest run or sweep below {@code roots} or registered in {@code project}. */
  public static Path latest(List<Path> roots, Path project) {
    return all(roots, project).stream()
        .max(Comparator.comparing(RunFiles::start))
        .orElseThrow(
            () ->
                new ConfigException(
                    "There is no run or sweep under "
                        + String.join(" or ", roots.stream().map(Display::path).toList()),
                    Origin.of("--latest"),
                    "start one with hydra4j -m key=a,b, or give a directory"));
  }

  /** Every run below {@code roots} and every registered one, once each. */
  static List<Path> all(List<Path> roots, Path project) {
    LinkedHashSet<Path> runs = new LinkedHashSet<>();
    try {
      runs.addAll(RunFinder.find(roots));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runs.addAll(RunRegistry.registered(project.toAbsolutePath().normalize()));
    return new ArrayList<>(runs);
  }

  private static boolean looksLikeSuffix(String word) {
    return word.matches("\\d{4}-\\d{2}-\\d{2}/[\\w.-]+");
  }

  private static String lowerName(Path dir) {
    String name = RunMeta.readLeniently(dir).name();
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  private static List<Path> matching(List<Path> runs, Predicate<Path> test) {
    List<Path> out = new ArrayList<>();
    for (Path dir : runs) {
      if (test.test(dir)) {
        out.add(dir);
      }
    }
    return out;
  }
}
