package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to a SLURM cluster through its own commands ({@code sbatch}, {@code squeue}, {@code sacct},
 * {@code scancel}, {@code scontrol}, {@code sinfo}), each run as an argument vector with a time
 * limit. Status queries are batched: one squeue and one sacct call cover any number of jobs.
 *
 * <p>Errors: a cluster that cannot be used at all (commands not installed, controller unreachable,
 * no configuration, a command that hangs) and a job SLURM refuses are {@link ConfigException}s
 * carrying SLURM's own message; anything else unexpected is a {@link SlurmCommandException}.
 */
public final class SlurmClient {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  // What the commands print when they cannot reach or even find the controller.
  private static final List<String> UNREACHABLE_SIGNS =
      List.of(
          "unable to contact slurm controller",
          "munge encode failed",
          "munge decode failed",
          "could not establish a configuration source",
          "unable to process configuration file",
          "cannot stat file",
          "zero bytes were transmitted or received",
          "socket timed out on send/recv operation");

  private static final String START_HINT =
      "start the cluster (for the local test cluster: scripts/slurm-local.sh up), or point"
          + " SLURM_CONF at the cluster's slurm.conf";

  private final CommandRunner runner;

  /**
   * @param binDir where the SLURM commands live, or {@code null} to find them on PATH
   * @param environment variables added to the commands' inherited environment (e.g. {@code
   *     SLURM_CONF})
   * @param timeout how long one command may run before it is killed
   */
  public SlurmClient(Path binDir, Map<String, String> environment, Duration timeout) {
    this.runner = new CommandRunner(binDir, environment, timeout);
  }

  /** Commands from PATH, the inherited environment, {@link #DEFAULT_TIMEOUT}. */
  public SlurmClient() {
    this(null, Map.of(), DEFAULT_TIMEOUT);
  }

  /**
   * Checks that the cluster answers, and returns sinfo's one-line-per-partition summary ({@code
   * debug up 1 idle}).
   */
  public String checkReachable() {
    return usable(runner.run("sinfo", List.of("-h", "-o", "%P %a %D %T"))).stdout().strip();
  }

  /**
   * Submits a batch script: {@code sbatch --parsable OPTIONS SCRIPT}.
   *
   * @param options sbatch options, one word each ({@code --array=0-9%2}, {@code --chdir=DIR})
   * @return the job id (for an array, the array job id)
   * @throws ConfigException when SLURM refuses the job, with its reason
   */
  public long submit(Path script, List<String> options) {
    List<String> args = new ArrayList<>();
    args.add("--parsable");
    args.addAll(options);
    args.add(script.toString());
    CommandResult result = runner.run("sbatch", args);
    if (!result.ok()) {
      throw rejected(unlessUnreachable(result));
    }
    // --parsable prints "id" or, on a multi-cluster setup, "id;cluster".
    String first = result.stdout().strip().split("[;\\s]", 2)[0];
    try {
      return Long.parseLong(first);
    } catch (NumberFormatException e) {
      throw unreadable(result, e);
    }
  }

  /**
   * Asks SLURM whether it would accept a job without submitting it ({@code sbatch --test-only}).
   *
   * @return SLURM's estimate, e.g. {@code sbatch: Job 22 to start at ... in partition debug}; the
   *     start time can be meaningless while other jobs hold the node
   * @throws ConfigException when SLURM would refuse the job, with its reason
   */
  public String validate(Path script, List<String> options) {
    List<String> args = new ArrayList<>();
    args.add("--test-only");
    args.addAll(options);
    args.add(script.toString());
    CommandResult result = runner.run("sbatch", args);
    if (!result.ok()) {
      throw rejected(unlessUnreachable(result));
    }
    return result.message();
  }

  /**
   * Cancels jobs (for an array id: its running tasks and its pending remainder). Ids SLURM no
   * longer knows or that already finished are ignored, as scancel does.
   */
  public void cancel(Collection<Long> jobIds) {
    if (jobIds.isEmpty()) {
      return;
    }
    List<String> args = jobIds.stream().map(String::valueOf).distinct().toList();
    CommandResult result = runner.run("scancel", args);
    if (!result.ok()) {
      throw failure(unlessUnreachable(result));
    }
  }

  /**
   * What the controller holds for these jobs, finished ones included (for MinJobAge seconds): one
   * {@code squeue -h -t all -j ID,ID,...} call. Unknown ids are simply absent.
   */
  public QueueSnapshot queue(Collection<Long> jobIds) {
    if (jobIds.isEmpty()) {
      return new QueueSnapshot(List.of());
    }
    List<String> args =
        List.of(
            "-h",
            "-t",
            "all",
            "-j",
            joinIds(jobIds),
            "-o",
            SqueueOutput.formatArgument(SqueueOutput.FORMAT));
    CommandResult result = runner.run("squeue", args);
    if (!result.ok()) {
      // squeue fails on a single unknown id, yet prints nothing for several unknown ones.
      if (contains(result.message(), "invalid job id specified")) {
        return new QueueSnapshot(List.of());
      }
      throw failure(unlessUnreachable(result));
    }
    try {
      return new QueueSnapshot(SqueueOutput.parse(result.stdout(), SqueueOutput.FORMAT));
    } catch (IllegalArgumentException e) {
      throw unreadable(result, e);
    }
  }

  /**
   * The accounting records of these jobs: one {@code sacct -X -n -P -j ID,ID,...} call. With {@code
   * -j}, sacct searches all time, not just today. When the cluster keeps no accounting, or its
   * database does not answer, the snapshot says so instead of throwing.
   */
  public AccountingSnapshot accounting(Collection<Long> jobIds) {
    if (jobIds.isEmpty()) {
      return AccountingSnapshot.of(List.of());
    }
    List<String> args =
        List.of(
            "-X", "-n", "-P", "-j", joinIds(jobIds), "-o", String.join(",", SacctOutput.FIELDS));
    CommandResult result = runner.run("sacct", args);
    if (!result.ok()) {
      String message = result.message();
      if (contains(message, "accounting storage is disabled")
          || contains(message, "problem talking to the database")) {
        return AccountingSnapshot.unavailable(message);
      }
      throw failure(unlessUnreachable(result));
    }
    try {
      return AccountingSnapshot.of(SacctOutput.parse(result.stdout(), SacctOutput.FIELDS));
    } catch (IllegalArgumentException e) {
      throw unreadable(result, e);
    }
  }

  /**
   * How many jobs of this user SLURM holds queued or running, each array task counted as the submit
   * limits count it ({@code squeue --me -r}).
   */
  public int queuedJobCount() {
    CommandResult result =
        runner.run("squeue", List.of("--me", "-h", "-r", "-t", "PD,CF,R,CG,S", "-o", "%i"));
    if (!result.ok()) {
      throw failure(unlessUnreachable(result));
    }
    return (int) result.stdout().lines().filter(l -> !l.isBlank()).count();
  }

  /** The controller's running configuration ({@code scontrol show config}). */
  public SlurmConfig config() {
    CommandResult result = runner.run("scontrol", List.of("show", "config"));
    if (!result.ok()) {
      throw failure(unlessUnreachable(result));
    }
    return SlurmConfig.parse(result.stdout());
  }

  // --- error classification ------------------------------------------------------------------

  /** Returns a successful result; throws when the cluster itself cannot be used. */
  private static CommandResult usable(CommandResult result) {
    if (result.ok()) {
      return result;
    }
    throw failure(unlessUnreachable(result));
  }

  /** A failed result, after ruling out an unreachable cluster (which throws). */
  private static CommandResult unlessUnreachable(CommandResult result) {
    String message = result.message();
    if (UNREACHABLE_SIGNS.stream().anyMatch(sign -> contains(message, sign))) {
      throw new ConfigException(
          "SLURM controller unreachable: " + message, origin(result), START_HINT);
    }
    return result;
  }

  private static ConfigException rejected(CommandResult result) {
    return new ConfigException(
        "SLURM refused the job: " + result.message(),
        origin(result),
        "check the SLURM launcher settings (partition, time, cpus, mem, array) against the"
            + " cluster: sinfo and scontrol show partition list what it offers");
  }

  private static SlurmCommandException failure(CommandResult result) {
    return new SlurmCommandException(
        result.commandLine() + " exited " + result.exitCode() + ": " + result.message(),
        result.argv(),
        result.exitCode(),
        null);
  }

  private static SlurmCommandException unreadable(CommandResult result, Exception cause) {
    return new SlurmCommandException(
        "cannot read the output of " + result.commandLine() + ": " + cause.getMessage(),
        result.argv(),
        -1,
        cause);
  }

  private static Origin origin(CommandResult result) {
    return Origin.of("command: " + result.commandLine());
  }

  private static boolean contains(String text, String lowerCaseNeedle) {
    return text.toLowerCase(Locale.ROOT).contains(lowerCaseNeedle);
  }

  private static String joinIds(Collection<Long> jobIds) {
    return jobIds.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
  }
}
