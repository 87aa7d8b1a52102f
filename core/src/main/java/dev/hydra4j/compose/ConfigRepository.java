package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigFile;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigTree;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds, lists and loads configs on a {@link SearchPath}. Parsed files are cached, so a sweep that
 * composes thousands of jobs reads each file once.
 */
public final class ConfigRepository {

  static final List<String> EXTENSIONS = List.of("yaml", "yml", "conf");
  private static final String BUILT_IN_ROOT = "hydra4j-conf/";
  private static volatile Set<String> builtInIndex;

  private final SearchPath searchPath;
  private final Map<String, ConfigFile> loaded = new ConcurrentHashMap<>();
  private final Map<String, Boolean> missing = new ConcurrentHashMap<>();
  private final Map<String, List<String>> optionsCache = new ConcurrentHashMap<>();

  /** Directories a primary config adds with {@code hydra.searchpath}, searched after ours. */
  private final List<Path> extraDirs = new java.util.concurrent.CopyOnWriteArrayList<>();

  public ConfigRepository(SearchPath searchPath) {
    this.searchPath = searchPath;
  }

  public SearchPath searchPath() {
    return searchPath;
  }

  /** The parsed config at {@code configPath} ({@code db/mysql}), or {@code null}. */
  public ConfigFile load(String configPath) {
    ConfigFile cached = loaded.get(configPath);
    if (cached != null || missing.containsKey(configPath)) {
      return cached;
    }
    ConfigSource source = find(configPath);
    if (source == null) {
      missing.put(configPath, Boolean.TRUE);
      return null;
    }
    ConfigFile file =
        source.builtIn()
            ? parsedBuiltIn(source.displayPath(), source.text())
            : ConfigFiles.parse(source.text(), source.displayPath());
    PluginConfigFiles.checkWrapping(configPath, file, source.displayPath());
    if (!source.builtIn() && searchPath.includeBuiltIn()) {
      file = extendBuiltIn(configPath, file);
    }
    loaded.put(configPath, file);
    return file;
  }

  /**
   * Adds {@code hydra.searchpath} directories after the search path's own ones. Looking up starts
   * afresh when one is new (a config first missing may be found now).
   */
  void extend(List<Path> more) {
    if (!more.isEmpty()) {
      extendWith(more);
    }
  }

  private synchronized void extendWith(List<Path> more) {
    boolean changed = false;
    for (Path dir : more) {
      if (!extraDirs.contains(dir) && !searchPath.directories().contains(dir)) {
        extraDirs.add(dir);
        changed = true;
      }
    }
    if (changed) {
      loaded.clear();
      missing.clear();
      optionsCache.clear();
    }
  }

  private List<Path> dirs() {
    if (extraDirs.isEmpty()) {
      return searchPath.directories();
    }
    List<Path> all = new ArrayList<>(searchPath.directories());
    all.addAll(extraDirs);
    return all;
  }

  public boolean exists(String configPath) {
    return load(configPath) != null;
  }

  /** Whether {@code groupPath} is a config group (a directory) anywhere on the path. */
  public boolean isGroup(String groupPath) {
    if (groupPath.isEmpty()) {
      return false;
    }
    for (Path dir : dirs()) {
      if (Files.isDirectory(dir.resolve(groupPath))) {
        return true;
      }
    }
    if (searchPath.includeBuiltIn()) {
      String prefix = groupPath + "/";
      for (String entry : builtInIndex()) {
        if (entry.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The options of a group, sorted, from every search path entry. */
  public List<String> options(String groupPath) {
    return optionsCache.computeIfAbsent(groupPath, this::listOptions);
  }

  /** Every config group, recursively, sorted (for completion and {@code --help}). */
  public List<String> groups() {
    TreeSet<String> groups = new TreeSet<>();
    for (Path dir : dirs()) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isDirectory)
            .filter(p -> !p.equals(dir))
            .forEach(p -> groups.add(dir.relativize(p).toString().replace('\\', '/')));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (searchPath.includeBuiltIn()) {
      for (String entry : builtInIndex()) {
        int slash = entry.lastIndexOf('/');
        while (slash > 0) {
          groups.add(entry.substring(0, slash));
          slash = entry.lastIndexOf('/', slash - 1);
        }
      }
    }
    return List.copyOf(groups);
  }

  private List<String> listOptions(String groupPath) {
    TreeSet<String> names = new TreeSet<>();
    for (Path dir : dirs()) {
      Path group = groupPath.isEmpty() ? dir : dir.resolve(groupPath);
      if (!Files.isDirectory(group)) {
        continue;
      }
      try (Stream<Path> files = Files.list(group)) {
        files
            .filter(Files::isRegularFile)
            .map(p -> p.getFileName().toString())
            .forEach(
                name -> {
                  String stem = stem(name);
                  if (stem != null) {
                    names.add(stem);
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (searchPath.includeBuiltIn()) {
      String prefix = groupPath.isEmpty() ? "" : groupPath + "/";
      for (String entry : builtInIndex()) {
        if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0) {
          String stem = stem(entry.substring(prefix.length()));
          if (stem != null) {
            names.add(stem);
          }
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * A user's {@code conf/hydra/launcher/slurm.yaml} extends the shipped config of the same name:
   * the user's keys are merged over hydra4j's, so a lab's file names only what differs and every
   * other key keeps its documented default.
   */
  private ConfigFile extendBuiltIn(String configPath, ConfigFile file) {
    for (String ext : EXTENSIONS) {
      String name = configPath + "." + ext;
      if (builtInIndex().contains(name)) {
        ConfigFile base = parsedBuiltIn("builtin://" + name, readBuiltIn(name));
        if (file.packageHeader() == null) {
          return new ConfigFile(
              (ConfigMap) ConfigTree.merge(base.root(), file.root()), base.packageHeader());
        }
        // A file written as Hydra's plugins document it ('# @package _global_' and a
        // 'hydra: launcher:' block) extends the shipped settings at their own place, so
        // none of them lands at the job config's root.
        ConfigMap placed = PluginConfigFiles.placeAt(base.root(), configPath, file);
        return placed == null
            ? file
            : new ConfigFile(
                (ConfigMap) ConfigTree.merge(placed, file.root()), file.packageHeader());
      }
    }
    return file;
  }

  private ConfigSource find(String configPath) {
    List<String> names = new ArrayList<>();
    for (String ext : EXTENSIONS) {
      names.add(configPath + "." + ext);
    }
    // 'db=sqlite.yaml' names the file itself, which Hydra accepts (golden
    // rw-group-option-with-extension); the choice keeps the name as written.
    if (stem(configPath) != null) {
      names.add(configPath);
    }
    for (Path dir : dirs()) {
      for (String name : names) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          String text = dev.hydra4j.config.ConfigText.read(file, display(file));
          String ext = name.substring(name.lastIndexOf('.') + 1);
          return new ConfigSource(configPath, display(file), ext, text, false);
        }
      }
    }
    if (searchPath.includeBuiltIn()) {
      for (String name : names) {
        if (builtInIndex().contains(name)) {
          String ext = name.substring(name.lastIndexOf('.') + 1);
          return new ConfigSource(configPath, "builtin://" + name, ext, readBuiltIn(name), true);
        }
      }
    }
    return null;
  }

  private static String display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    return EXTENSIONS.contains(fileName.substring(dot + 1)) ? fileName.substring(0, dot) : null;
  }

  /** The built-in configs, listed in an index because a jar cannot be listed cheaply. */
  static Set<String> builtInIndex() {
    Set<String> index = builtInIndex;
    if (index == null) {
      String text = readBuiltIn("index.txt");
      List<String> names = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          names.add(line.trim());
        }
      }
      index = Set.copyOf(names);
      builtInIndex = index;
    }
    return index;
  }

  /**
   * Built-in configs parsed once per process, by display path: they are the same for every
   * composer, and a single run composes twice (its mode, then the run), ~9 ms of parsing cold.
   */
  private static final Map<String, ConfigFile> parsedBuiltIns = new ConcurrentHashMap<>();

  private static ConfigFile parsedBuiltIn(String displayPath, String text) {
    return parsedBuiltIns.computeIfAbsent(displayPath, path -> ConfigFiles.parse(text, path));
  }

  /** The built-in configs' texts, read once per process. */
  private static final Map<String, String> builtInTexts = new ConcurrentHashMap<>();

  /**
   * The built-in directory, found once: a class loader looks a resource up in every module of the
   * JDK before the class path (~2 ms per name cold), so the other files are read relative to it.
   */
  private static volatile URL builtInRoot;

  private static String readBuiltIn(String name) {
    return builtInTexts.computeIfAbsent(name, ConfigRepository::readBuiltInFromJar);
  }

  private static String readBuiltInFromJar(String name) {
    URL root = builtInRoot;
    if (root == null) {
      URL index = ConfigRepository.class.getClassLoader().getResource(BUILT_IN_ROOT + "index.txt");
      if (index == null) {
        throw new IllegalStateException("hydra4j is missing its built-in config index.txt");
      }
      root = index;
      builtInRoot = root;
    }
    try (InputStream in = new URL(root, name).openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (FileNotFoundException e) {
      throw new IllegalStateException("hydra4j is missing its built-in config " + name, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
