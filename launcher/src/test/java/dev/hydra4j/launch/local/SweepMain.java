package dev.hydra4j.launch.local;

import dev.hydra4j.launch.FailurePolicy;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.ProgressReporter;
import dev.hydra4j.launch.SigintHandler;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.SweepState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A launcher in its own JVM, for the signal tests and the benchmark:
 *
 * <pre>
 * SweepMain [--n-jobs N] [--grace-ms MS] [--resume] [--progress] [--quiet] [--precreate] [--bare]
 *           SWEEP_DIR COUNT -- ARGV...
 * </pre>
 *
 * Job k runs ARGV with every {@code {num}} replaced by k, in {@code SWEEP_DIR/k}, with {@code
 * JOB_NUM=k} in its environment. With {@code --resume} only the jobs whose status is not COMPLETED
 * run. {@code --precreate} creates the job directories before the clock starts, as the CLI does
 * when it writes their {@code .hydra/}. {@code --bare} runs jobs in this JVM's working directory
 * without {@code JOB_NUM}, as a Hydra job without extra settings. Exits with the launch's exit code
 * and prints the wall time of the launch.
 */
public final class SweepMain {

  private SweepMain() {}

  public static void main(String[] args) throws Exception {
    int nJobs = 1;
    long graceMs = 10_000;
    boolean resume = false;
    boolean progress = false;
    boolean quiet = false;
    boolean precreate = false;
    boolean bare = false;
    int i = 0;
    for (; !args[i].equals("--") && args[i].startsWith("--"); i++) {
      switch (args[i]) {
        case "--n-jobs" -> nJobs = Integer.parseInt(args[++i]);
        case "--grace-ms" -> graceMs = Long.parseLong(args[++i]);
        case "--resume" -> resume = true;
        case "--progress" -> progress = true;
        case "--quiet" -> quiet = true;
        case "--precreate" -> precreate = true;
        case "--bare" -> bare = true;
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    Path sweepDir = Path.of(args[i]).toAbsolutePath();
    int count = Integer.parseInt(args[i + 1]);
    if (!args[i + 2].equals("--")) {
      throw new IllegalArgumentException("expected -- before the command");
    }
    List<String> template = Arrays.asList(args).subList(i + 3, args.length);

    SweepState previous = resume ? SweepState.read(sweepDir) : SweepState.empty();
    List<Integer> nums =
        new ArrayList<>(
            resume
                ? previous.notCompleted(count)
                : java.util.stream.IntStream.range(0, count).boxed().toList());
    boolean bareJobs = bare;
    JobSource source =
        new JobSource() {
          @Override
          public int size() {
            return nums.size();
          }

          @Override
          public JobSpec get(int index) {
            int num = nums.get(index);
            List<String> argv =
                template.stream().map(a -> a.replace("{num}", Integer.toString(num))).toList();
            return bareJobs
                ? new JobSpec(
                    num,
                    sweepDir.resolve(Integer.toString(num)),
                    argv,
                    Map.of(),
                    Path.of("").toAbsolutePath(),
                    null)
                : new JobSpec(
                    num,
                    sweepDir.resolve(Integer.toString(num)),
                    argv,
                    Map.of("JOB_NUM", Integer.toString(num)),
                    sweepDir,
                    null);
          }

          @Override
          public int num(int index) {
            return nums.get(index);
          }
        };
    LaunchOptions options =
        LaunchOptions.defaults(sweepDir)
            .withKillGrace(Duration.ofMillis(graceMs))
            .withFailurePolicy(FailurePolicy.keepGoing())
            .withPrevious(previous)
            .withProgress(progress ? ProgressReporter.auto(System.err) : ProgressReporter.none());
    if (precreate) {
      for (int num : nums) {
        java.nio.file.Files.createDirectories(sweepDir.resolve(Integer.toString(num)));
      }
    }
    SweepResult result;
    long t0 = System.nanoTime();
    SigintHandler sigint = SigintHandler.install(options.stop());
    try {
      System.out.println("launching " + nums.size());
      System.out.flush();
      result = new LocalLauncher(nJobs).launch(source, options);
    } finally {
      sigint.close();
    }
    long t1 = System.nanoTime();
    if (!quiet) {
      System.out.println("counts " + result.counts().describe());
    }
    System.out.printf(java.util.Locale.ROOT, "launch_seconds %.3f%n", (t1 - t0) / 1e9);
    System.exit(result.exitCode());
  }
}
