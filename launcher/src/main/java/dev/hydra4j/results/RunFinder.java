package dev.hydra4j.results;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the runs and sweeps below some roots ({@code outputs/} and {@code multirun/} by default). A
 * directory is a run when it holds a plan, a multirun.yaml, or a .hydra/ directory with a run or
 * status record; the search does not descend into one, nor into hidden directories, and goes at
 * most {@value #MAX_DEPTH} levels down, which covers {@code multirun/DATE/TIME} and custom {@code
 * hydra.sweep.dir} layouts alike.
 */
final class RunFinder {

  static final int MAX_DEPTH = 5;

  private RunFinder() {}

  /** The default roots in {@code base}: its outputs/ and multirun/ directories. */
  static List<Path> defaultRoots(Path base) {
    return List.of(base.resolve("outputs"), base.resolve("multirun"));
  }

  /** Every run and sweep directory below {@code roots} (absolute, normalized). */
  static List<Path> find(List<Path> roots) throws IOException {
    java.util.Set<Path> found = new java.util.LinkedHashSet<>();
    for (Path given : roots) {
      Path root = given.toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        continue;
      }
      Files.walkFileTree(
          root,
          EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (RecordedRun.isRun(dir)) {
                found.add(dir);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    }
    return new ArrayList<>(found);
  }
}
