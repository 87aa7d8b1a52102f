package dev.hydra4j.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.run.RunLayout;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure the design promises, read from the sources' code (comments stripped): no
 * package cycles, and launchers plug in through one registry rather than being named everywhere.
 */
class PackageDependencyTest {

  private static final Path SOURCES = Path.of("src/main/java");

  /** hydra4j-core's sources: the same rules hold across the two modules. */
  private static final Path CORE_SOURCES = Path.of("../core/src/main/java");

  /** The packages of hydra4j-core. */
  private static final Set<String> CORE = new TreeSet<>();

  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.hydra4j((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
  // Strings as an unrolled loop, and text blocks and char literals ('"') matched as such: a
  // quote misread as a string's start made a match thousands of characters long, and the
  // regex's recursion per character overflowed the stack.
  private static final Pattern COMMENTS =
      Pattern.compile(
          "/\\*.*?\\*/|//[^\\n]*|\"\"\"[\\s\\S]*?\"\"\"|'(?:\\\\.|[^'\\\\])'"
              + "|\"[^\"\\\\\\n]*(?:\\\\.[^\"\\\\\\n]*)*\"",
          Pattern.DOTALL);

  /** Package to the packages its code names; the root package is {@code dev.hydra4j}. */
  private static final Map<String, Set<String>> USES = new TreeMap<>();

  /** Source file to its string literals, comments left out. */
  private static final Map<Path, List<String>> LITERALS = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    read(SOURCES);
    int before = USES.size();
    read(CORE_SOURCES);
    assertTrue(USES.size() > before, "the core's packages are read too");
  }

  private static void read(Path sources) throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
        if (sources == CORE_SOURCES) {
          CORE.add(pkg);
        }
        String text = Files.readString(file);
        List<String> literals = new ArrayList<>();
        Matcher c = COMMENTS.matcher(text);
        while (c.find()) {
          if (c.group().startsWith("\"")) {
            literals.add(c.group().substring(1, c.group().length() - 1));
          }
        }
        LITERALS.put(file, literals);
        String code = COMMENTS.matcher(text).replaceAll(" ");
        Set<String> uses = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          String target = "dev.hydra4j" + m.group(1);
          if (!target.equals(pkg)) {
            uses.add(target);
          }
        }
      }
    }
  }

  @Test
  void theCoreNamesNoPackageOfTheLauncher() {
    List<String> outward = new ArrayList<>();
    for (String pkg : CORE) {
      USES.get(pkg).stream()
          .filter(u -> !CORE.contains(u))
          .forEach(u -> outward.add(pkg + " -> " + u));
    }
    assertEquals(List.of(), outward, "hydra4j-core must build and run without the launcher");
  }

  @Test
  void executeNamesNoConcreteLauncher() {
    Set<String> concrete = Set.of("dev.hydra4j.launch.local", "dev.hydra4j.launch.slurm");
    for (var entry : USES.entrySet()) {
      if (entry.getKey().startsWith("dev.hydra4j.launch")) {
        continue;
      }
      Set<String> named = new TreeSet<>(entry.getValue());
      named.retainAll(concrete);
      assertEquals(
          Set.of(),
          named,
          entry.getKey() + " names a concrete launcher; find it through launch.registry instead");
    }
    Set<String> inLaunch = new TreeSet<>();
    USES.forEach(
        (pkg, uses) -> {
          if (pkg.startsWith("dev.hydra4j.launch") && !pkg.equals("dev.hydra4j.launch.registry")) {
            uses.stream()
                .filter(concrete::contains)
                .filter(u -> !pkg.startsWith(u))
                .forEach(u -> inLaunch.add(pkg + " -> " + u));
          }
        });
    assertEquals(Set.of(), inLaunch, "launchers must not know each other");
  }

  /**
   * No cycle among the packages below the root. The root package is both the public API and the
   * facade over the CLI, so it is left out until the core module separates the two.
   */
  @Test
  void packagesFormNoCycle() {
    List<String> cycles = new ArrayList<>();
    for (String start : USES.keySet()) {
      if (!start.equals("dev.hydra4j")) {
        findCycle(start, start, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
      }
    }
    assertTrue(cycles.isEmpty(), () -> "package cycles: " + cycles);
  }

  private static void findCycle(
      String start, String at, List<String> path, Set<String> seen, List<String> cycles) {
    for (String next : USES.getOrDefault(at, Set.of())) {
      if (next.equals("dev.hydra4j")) {
        continue;
      }
      if (next.equals(start)) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      } else if (seen.add(next)) {
        path.add(next);
        findCycle(start, next, path, seen, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  /** run/ owns the layout: a file name of a run directory is spelled in {@link RunLayout} only. */
  @Test
  void onlyRunLayoutSpellsFileNames() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Field f : RunLayout.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    List<String> spelled = new ArrayList<>();
    LITERALS.forEach(
        (file, literals) -> {
          if (!file.endsWith("RunLayout.java")) {
            literals.stream().filter(names::contains).forEach(l -> spelled.add(file + ": " + l));
          }
        });
    assertTrue(names.size() > 15, () -> "RunLayout names " + names);
    assertEquals(List.of(), spelled, "use the RunLayout constant");
  }

  @Test
  void theRegistryKnowsEveryLauncher() {
    Set<String> launchers = new TreeSet<>();
    USES.keySet().stream()
        .filter(p -> p.startsWith("dev.hydra4j.launch.") && !p.endsWith(".registry"))
        .forEach(launchers::add);
    Set<String> registered = new TreeSet<>(USES.get("dev.hydra4j.launch.registry"));
    registered.retainAll(launchers);
    assertEquals(launchers, registered, "every launcher package is a kind in launch.registry");
  }
}
