package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLauncherLogsTest {

  private static final Pattern COMBINED_LINE =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[(out|err)\\] (.*)");

  @TempDir Path root;

  @Test
  void streamsAreKeptApartAndInterleavedInOrder() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    String script =
        "echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2; sleep 0.2;"
            + " echo err2 >&2; sleep 0.2; printf 'no newline'";

    new LocalLauncher(1).launch(List.of(sweep.shell(0, script)), sweep.options());

    assertEquals("out1\nout2\nno newline", sweep.read(0, "stdout.log"));
    assertEquals("err1\nerr2\n", sweep.read(0, "stderr.log"));
    List<String> lines = Files.readAllLines(sweep.jobDir(0).resolve("combined.log"));
    List<String> tagged =
        lines.stream()
            .map(
                line -> {
                  var m = COMBINED_LINE.matcher(line);
                  assertTrue(m.matches(), line);
                  return m.group(1) + ":" + m.group(2);
                })
            .toList();
    assertEquals(List.of("out:out1", "err:err1", "out:out2", "err:err2", "out:no newline"), tagged);
  }

  @Test
  void outputIsKeptByteForByte() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    // invalid UTF-8, a carriage return, NUL, and 3 MB without a newline at the end
    String script = "printf 'a\\377\\376b\\r\\000c\\n'; head -c 3000000 /dev/zero | tr '\\0' x";

    SweepResult result =
        new LocalLauncher(1).launch(List.of(sweep.shell(0, script)), sweep.options());

    assertEquals(0, result.exitCode());
    byte[] out = Files.readAllBytes(sweep.jobDir(0).resolve("stdout.log"));
    byte[] head = {'a', (byte) 0xff, (byte) 0xfe, 'b', '\r', 0, 'c', '\n'};
    assertEquals(head.length + 3_000_000, out.length);
    assertArrayEquals(head, java.util.Arrays.copyOf(out, head.length));
    assertTrue(Files.size(sweep.jobDir(0).resolve("combined.log")) > 3_000_000);
  }

  @Test
  void logsAreWrittenWhileTheJobRunsAndStatusSaysRunning() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    Path go = root.resolve("go");
    String script =
        "echo ready; echo warming >&2;" + " while [ ! -e \"$1\" ]; do sleep 0.05; done; echo done";

    CompletableFuture<SweepResult> launch =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new LocalLauncher(1)
                    .launch(List.of(sweep.shell(0, script, go.toString())), sweep.options());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    Path stdout = sweep.jobDir(0).resolve("stdout.log");
    Path combined = sweep.jobDir(0).resolve("combined.log");
    SweepFixture.await("'ready' in stdout.log", () -> contains(stdout, "ready\n"));
    SweepFixture.await("'warming' in combined.log", () -> contains(combined, "[err] warming"));
    assertEquals(JobState.RUNNING, sweep.status(0).state());
    assertEquals(ProcessHandle.current().pid() != sweep.status(0).pid(), true);
    // status.json copies the journal for other readers, RUNNING once the job runs a while
    SweepFixture.await(
        "status.json RUNNING", () -> sweep.statusFile(0).state() == JobState.RUNNING);
    Files.createFile(go);

    assertEquals(0, launch.get().exitCode());
    assertEquals("ready\ndone\n", sweep.read(0, "stdout.log"));
    assertEquals(JobState.COMPLETED, sweep.status(0).state());
    assertEquals(sweep.status(0), sweep.statusFile(0));
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.exists(file) && Files.readString(file).contains(text);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
