package dev.hydra4j.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Brings a sweep's status files back in line after a crash, before {@code resume} or {@code rerun}
 * runs anything: every status file the journal is ahead of is rewritten from it, and every temp
 * file a killed writer left ({@code .status.json.*.tmp}) is either used (a sweep without a journal:
 * it holds a newer complete record than the status file) or deleted.
 */
public final class StatusRepair {

  private static final String TEMP_PREFIX = "." + StatusFile.NAME + ".";

  private StatusRepair() {}

  /** What a repair did. */
  public record Done(int rewritten, int tempsRecovered, int tempsDeleted) {}

  /** Repairs the status files of {@code state}'s jobs; {@code state} must be fresh. */
  public static Done repair(SweepState state) throws IOException {
    int rewritten = 0;
    int recovered = 0;
    int deleted = 0;
    Map<Integer, JobStatus> journalled = state.journalled();
    for (Map.Entry<Integer, Path> e : state.jobDirs().entrySet()) {
      Path dir = e.getValue();
      if (dir == null || !Files.isDirectory(dir)) {
        continue;
      }
      List<Path> temps = temps(dir);
      JobStatus truth = journalled.get(e.getKey());
      if (truth == null) {
        JobStatus best = readQuietly(StatusFile.path(dir));
        Path bestTemp = null;
        for (Path temp : temps) {
          JobStatus candidate = readQuietly(temp);
          if (candidate != null && candidate.num() == e.getKey() && isAfter(candidate, best)) {
            best = candidate;
            bestTemp = temp;
          }
        }
        if (bestTemp != null) {
          AtomicFiles.write(StatusFile.path(dir), StatusFile.toJson(best), true);
          recovered++;
        }
      } else if (!Arrays.equals(StatusFile.toJson(truth), bytesQuietly(StatusFile.path(dir)))) {
        StatusFile.write(dir, truth);
        rewritten++;
      }
      for (Path temp : temps) {
        if (Files.deleteIfExists(temp)) {
          deleted++;
        }
      }
    }
    return new Done(rewritten, recovered, deleted - recovered);
  }

  /** Whether {@code a} describes a later point of the job's life than {@code b}. */
  private static boolean isAfter(JobStatus a, JobStatus b) {
    if (b == null) {
      return true;
    }
    if (a.attempt() != b.attempt()) {
      return a.attempt() > b.attempt();
    }
    return a.state().isTerminal() && !b.state().isTerminal();
  }

  private static List<Path> temps(Path dir) throws IOException {
    List<Path> temps = new ArrayList<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(
            dir,
            p ->
                p.getFileName().toString().startsWith(TEMP_PREFIX)
                    && p.getFileName().toString().endsWith(".tmp"))) {
      files.forEach(temps::add);
    }
    return temps;
  }

  private static JobStatus readQuietly(Path file) {
    byte[] bytes = bytesQuietly(file);
    if (bytes == null) {
      return null;
    }
    try {
      return StatusFile.parse(bytes, -1, file);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] bytesQuietly(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }
}
