package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFile;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.Interpolator;
import dev.hydra4j.override.Element;
import dev.hydra4j.override.ParsedOverride;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hydra.searchpath}: more config directories, named in the primary config or on the command
 * line. {@code file://DIR} is a directory (relative to the current one); {@code pkg://a.b} is the
 * package {@code a/b} on the classpath (a directory or inside a jar), the JVM's counterpart of a
 * Python package. Entries that do not exist are skipped, as Hydra skips them, so a tree naming a
 * Python package still composes.
 */
final class SearchPathSetting {

  private static final String KEY = "hydra.searchpath";

  private SearchPathSetting() {}

  static List<Path> directories(
      ConfigFile primary,
      List<ParsedOverride> overrides,
      java.util.function.Supplier<Interpolator> interpolator) {
    List<String> entries = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    ConfigNode declared = ConfigTree.select(primary.root(), ConfigPath.parse(KEY));
    if (declared instanceof ConfigList list) {
      for (ConfigNode item : list.items()) {
        if (item instanceof ConfigValue v && v.value() != null) {
          entries.add(
              interpolator
                  .get()
                  .resolveString(String.valueOf(v.value()), primary.root(), item.origin()));
          origins.add(item.origin());
        }
      }
    }
    for (ParsedOverride o : overrides) {
      if (o.key().equals(KEY)
          && o.value() instanceof Element e
          && e.value() instanceof List<?> items) {
        entries.clear();
        origins.clear();
        for (Object item : items) {
          entries.add(String.valueOf(item));
          origins.add(Origin.ofOverride(o.input()));
        }
      }
    }
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Path dir = directory(entries.get(i), origins.get(i));
      if (dir != null && Files.isDirectory(dir)) {
        dirs.add(dir);
      }
    }
    return dirs;
  }

  private static Path directory(String entry, Origin origin) {
    if (entry.startsWith("file://")) {
      return Path.of(entry.substring("file://".length())).toAbsolutePath().normalize();
    }
    if (entry.startsWith("pkg://")) {
      String resource = entry.substring("pkg://".length()).replace('.', '/');
      URL url = SearchPathSetting.class.getClassLoader().getResource(resource);
      return url == null ? null : classpathDirectory(url, resource);
    }
    throw new ConfigException(
        "Search path entry '" + entry + "' names no scheme",
        origin,
        "write file://DIR (a directory, relative to the current one) or pkg://package"
            + " (a package on the classpath)");
  }

  private static Path classpathDirectory(URL url, String resource) {
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("file")) {
        return Path.of(uri);
      }
      if (uri.getScheme().equals("jar")) {
        try {
          return FileSystems.newFileSystem(uri, Map.of()).getPath(resource);
        } catch (FileSystemAlreadyExistsException e) {
          return FileSystems.getFileSystem(uri).getPath(resource);
        }
      }
      return null;
    } catch (URISyntaxException | IOException e) {
      return null;
    }
  }
}
