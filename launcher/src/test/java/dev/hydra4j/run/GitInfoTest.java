package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitInfoTest {

  @TempDir Path repo;

  @Test
  void readsCommitBranchAndDirtiness() throws Exception {
    assumeGit();
    git("init", "-q", "-b", "trunk");
    assertEquals(new GitInfo(null, "trunk", false), GitInfo.read(repo));

    Files.writeString(repo.resolve("train.py"), "print(1)\n");
    git("add", "train.py");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
    String head = git("rev-parse", "HEAD");
    assertEquals(new GitInfo(head, "trunk", false), GitInfo.read(repo));

    Files.writeString(repo.resolve("untracked.txt"), "outputs do not make it dirty\n");
    assertEquals(new GitInfo(head, "trunk", false), GitInfo.read(repo));

    Files.writeString(repo.resolve("train.py"), "print(2)\n");
    Path sub = Files.createDirectories(repo.resolve("src/deep"));
    assertEquals(new GitInfo(head, "trunk", true), GitInfo.read(sub));

    git("checkout", "-q", "--detach");
    assertEquals(new GitInfo(head, null, true), GitInfo.read(repo));
  }

  @Test
  void theUncommittedChangesAreRecordedCutAtTheirLimit() throws Exception {
    assumeGit();
    git("init", "-q", "-b", "trunk");
    Files.writeString(repo.resolve("train.py"), "lr = 0.1\n");
    git("add", "train.py");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
    Path clean = repo.resolve("clean.diff");
    GitInfo.writeDiff(repo, clean);
    assertEquals(false, Files.exists(clean), "a clean tree has no diff");
    Files.writeString(repo.resolve("train.py"), "lr = 0.5\n");
    Path diff = repo.resolve("out.diff");
    GitInfo.writeDiff(repo, diff);
    String text = Files.readString(diff);
    assertEquals(true, text.contains("-lr = 0.1\n+lr = 0.5\n"), text);
    Files.writeString(repo.resolve("train.py"), "x".repeat(GitInfo.MAX_DIFF_BYTES + 10) + "\n");
    GitInfo.writeDiff(repo, diff);
    text = Files.readString(diff);
    assertEquals(true, text.endsWith("bytes in all]\n"), text.substring(text.length() - 80));
    assertEquals(true, Files.size(diff) < GitInfo.MAX_DIFF_BYTES + 200);
  }

  @Test
  void notARepositoryIsUnknown() {
    assumeGit();
    // /proc is never inside a repository
    assertEquals(GitInfo.NONE, GitInfo.read(Path.of("/proc")));
    assertNull(GitInfo.NONE.commit());
  }

  private String git(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static void assumeGit() {
    try {
      Assumptions.assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0);
    } catch (IOException | InterruptedException e) {
      Assumptions.abort("git is not installed");
    }
  }
}
