package dev.hydra4j.launch.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one array in the sweep directory: {@code slurm/array-NNN.sh}, its script, and {@code
 * slurm/array-NNN/}, one link per task index to the task's job directory. SLURM writes each task's
 * own output ({@code --output=…/array-NNN/%a/slurm-%A_%a.out}) through the link, so it lands in the
 * job directory beside the task's logs. Names are numbered on and never reused: every script ever
 * submitted stays as it was.
 */
final class ArrayFiles {

  static final String DIR = "slurm";
  private static final Pattern NAME = Pattern.compile("array-(\\d+)\\.sh");

  private final String name;
  private final Path script;
  private final Path links;

  private ArrayFiles(Path slurmDir, String name) {
    this.name = name;
    this.script = slurmDir.resolve(name + ".sh");
    this.links = slurmDir.resolve(name);
  }

  /** The names the next {@code count} arrays of a sweep would get, without creating them. */
  static ArrayFiles preview(Path sweepDir, int index) {
    return new ArrayFiles(sweepDir.resolve(DIR), name(index + 1));
  }

  /** Claims the next free name in the sweep: the script file exists (empty) once this returns. */
  static ArrayFiles claim(Path sweepDir) throws IOException {
    Path dir = sweepDir.resolve(DIR);
    Files.createDirectories(dir);
    int next = highest(dir) + 1;
    while (true) {
      ArrayFiles files = new ArrayFiles(dir, name(next));
      try {
        Files.createFile(
            files.script,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        return files;
      } catch (FileAlreadyExistsException e) {
        next++;
      }
    }
  }

  /**
   * Writes the script and the links of its tasks. A packed task ({@code jobsPerTask} above 1) gets
   * a directory instead, for the output of the task itself; each of its jobs writes its own {@code
   * slurm-%A_%a.out} in its job directory.
   */
  void write(String text, List<ArrayScript.Task> tasks, int jobsPerTask) throws IOException {
    Files.write(
        script,
        text.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    Files.createDirectories(links);
    if (jobsPerTask > 1) {
      for (int t = 0; t * jobsPerTask < tasks.size(); t++) {
        Files.createDirectory(links.resolve(Integer.toString(t)));
      }
      return;
    }
    for (int i = 0; i < tasks.size(); i++) {
      Path link = links.resolve(Integer.toString(i));
      Files.createSymbolicLink(
          link, links.toAbsolutePath().relativize(tasks.get(i).job().jobDir().toAbsolutePath()));
    }
  }

  /** Removes the script and its links again: SLURM never took them, and the name is free. */
  void discard() throws IOException {
    if (Files.isDirectory(links)) {
      try (Stream<Path> all = Files.list(links)) {
        for (Path link : (Iterable<Path>) all::iterator) {
          // A packed task's directory is still empty: SLURM never ran it.
          Files.delete(link);
        }
      }
      Files.delete(links);
    }
    Files.deleteIfExists(script);
  }

  String name() {
    return name;
  }

  Path script() {
    return script;
  }

  Path links() {
    return links;
  }

  private static String name(int n) {
    return String.format("array-%03d", n);
  }

  private static int highest(Path dir) throws IOException {
    int max = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          max = Math.max(max, Integer.parseInt(m.group(1)));
        }
      }
    }
    return max;
  }
}
