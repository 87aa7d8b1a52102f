package dev.hydra4j.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where configs are looked up, in order: the user's config directories first, hydra4j's built-in
 * configs (launchers, sweeper, the {@code hydra} node) last, so that a user's {@code
 * conf/hydra/launcher/slurm.yaml} replaces the shipped one.
 */
public record SearchPath(List<Path> directories, boolean includeBuiltIn, VersionBase versionBase) {

  /**
   * @param versionBase the composition rules asked for on the command line ({@code
   *     --version-base}), or {@code null}: then the primary config's {@code hydra.version_base},
   *     else {@link VersionBase#DEFAULT}
   */
  public SearchPath {
    directories = List.copyOf(directories);
  }

  public SearchPath(List<Path> directories, boolean includeBuiltIn) {
    this(directories, includeBuiltIn, null);
  }

  /** The same search path, read by the rules of {@code versionBase}. */
  public SearchPath withVersionBase(VersionBase base) {
    return new SearchPath(directories, includeBuiltIn, base);
  }

  public static SearchPath of(Path... directories) {
    return new SearchPath(List.of(directories), true);
  }

  /** The same search path with {@code directory} searched before the others. */
  public SearchPath prepend(Path directory) {
    List<Path> more = new ArrayList<>();
    more.add(directory);
    more.addAll(directories);
    return new SearchPath(more, includeBuiltIn, versionBase);
  }

  /** One line per entry, as {@code --info searchpath} prints them. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Path dir : directories) {
      lines.add("file://" + dir.toAbsolutePath().normalize());
    }
    if (includeBuiltIn) {
      lines.add("builtin://hydra4j (launchers, sweeper, hydra defaults)");
    }
    return lines;
  }
}
