package dev.hydra4j.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The git state of the code a run used, for reproducing it later.
 *
 * @param commit the full commit hash of HEAD, or {@code null} (no repository, no commit yet, or no
 *     git)
 * @param branch the checked-out branch, or {@code null} (detached HEAD, or unknown)
 * @param dirty whether tracked files differ from HEAD, or {@code null} when unknown. Untracked
 *     files do not count, as with {@code git describe --dirty}: they are usually outputs, and
 *     listing them is the slow part of {@code git status} in a large tree.
 */
public record GitInfo(String commit, String branch, Boolean dirty) {

  /** Nothing known. */
  public static final GitInfo NONE = new GitInfo(null, null, null);

  private static final long TIMEOUT_SECONDS = 10;

  /**
   * Reads the state of the repository containing {@code dir} with one {@code git status
   * --porcelain=v2 --branch} call; {@link #NONE} when git is missing, {@code dir} is not in a
   * repository, or git takes longer than 10 seconds.
   */
  public static GitInfo read(Path dir) {
    ProcessBuilder builder =
        git(
            dir,
            "status",
            "--porcelain=v2",
            "--branch",
            "--untracked-files=no",
            "--ignore-submodules=dirty");
    Process git;
    try {
      git = builder.start();
    } catch (IOException e) {
      return NONE;
    }
    // Reading blocks until git exits, so the time limit is a kill, not a wait.
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(
            git::destroyForcibly,
            CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    try {
      String commit = null;
      String branch = null;
      boolean dirty = false;
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(git.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("# branch.oid ")) {
            String oid = line.substring("# branch.oid ".length()).strip();
            commit = oid.equals("(initial)") ? null : oid;
          } else if (line.startsWith("# branch.head ")) {
            String head = line.substring("# branch.head ".length()).strip();
            branch = head.equals("(detached)") ? null : head;
          } else if (!line.startsWith("#") && !line.isEmpty()) {
            dirty = true;
          }
        }
      }
      if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return NONE;
      }
      return new GitInfo(commit, branch, dirty);
    } catch (IOException e) {
      return NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NONE;
    } finally {
      watchdog.cancel(false);
      git.destroyForcibly();
    }
  }

  /**
   * Starts {@link #read} on a thread of its own: git runs while the caller composes and checks the
   * jobs, instead of after, when the first job is waiting to start.
   */
  public static CompletableFuture<GitInfo> readSoon(Path dir) {
    CompletableFuture<GitInfo> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(read(dir));
              } catch (RuntimeException e) {
                // no git state, as when git is missing
              } finally {
                // After an Error too (no thread for the watchdog): the run waits for this.
                result.complete(NONE);
              }
            },
            "hydra4j-git");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private static ProcessBuilder git(Path dir, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    // Do not take the index lock: the user may be running git commands right now.
    builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
    return builder;
  }

  /** Where {@link #writeDiff} puts the uncommitted changes, beside run.json. */
  public static final String DIFF_FILE = RunLayout.GIT_DIFF;

  /** At most this much of a diff is kept: a run record, not a backup of the tree. */
  public static final int MAX_DIFF_BYTES = 1024 * 1024;

  /**
   * Writes {@code git diff HEAD} (tracked files' uncommitted changes) of the repository containing
   * {@code repoDir} to {@code target}, cut at {@value #MAX_DIFF_BYTES} bytes with a note saying so.
   * Writes nothing when git fails or there is no difference; never throws, since a run must not
   * fail for its record.
   */
  public static void writeDiff(Path repoDir, Path target) {
    ProcessBuilder builder = git(repoDir, "diff", "HEAD", "--no-color", "--no-ext-diff");
    Process git;
    try {
      git = builder.start();
    } catch (IOException e) {
      return;
    }
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(
            git::destroyForcibly,
            CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    try (java.io.InputStream in = git.getInputStream()) {
      byte[] kept = in.readNBytes(MAX_DIFF_BYTES);
      long more = in.transferTo(java.io.OutputStream.nullOutputStream());
      if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          || git.exitValue() != 0
          || kept.length == 0) {
        return;
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.write(kept);
      if (more > 0) {
        out.write(
            ("\n[hydra4j: the diff is cut here; " + (kept.length + more) + " bytes in all]\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      AtomicFiles.write(target, out.toByteArray());
    } catch (IOException e) {
      // no diff recorded; run.json still says the tree was dirty
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watchdog.cancel(false);
      git.destroyForcibly();
    }
  }
}
