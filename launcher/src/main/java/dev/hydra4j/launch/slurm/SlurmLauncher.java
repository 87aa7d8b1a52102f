package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.LauncherLog;
import dev.hydra4j.launch.StateCounts;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a sweep on a SLURM cluster ({@code hydra/launcher=slurm}): one array job per distinct
 * resource set, each task running one job with bash alone on its node (see {@link ArrayScript}).
 *
 * <ul>
 *   <li>Submit and exit (the default): the launch returns once every array is submitted, with exit
 *       code 0 and the jobs PENDING; {@code hydra4j status} follows them from any shell.
 *   <li>Following ({@code --wait}): the launch returns when every job has ended, with exit code 0
 *       when all COMPLETED and 1 otherwise, and writes {@code summary.json}.
 *   <li>Nothing is submitted twice: a job SLURM still holds (pending or running) from an earlier
 *       submission of the sweep is left out, and concurrent launches of one sweep take turns.
 *   <li>A refused or failed submission is recorded in {@code slurm.json} and reported as a {@link
 *       ConfigException} naming SLURM's reason and the setting behind it; {@code resume} submits
 *       what is left.
 * </ul>
 */
public final class SlurmLauncher implements Launcher {

  static final String LOCK = ".slurm.lock";

  private final SlurmClient client;
  private final boolean follow;

  /**
   * @param follow whether {@link #launch} waits for the jobs to end ({@code --wait})
   */
  public SlurmLauncher(SlurmClient client, boolean follow) {
    this.client = client;
    this.follow = follow;
  }

  /**
   * Checks one job before anything is written or submitted: its {@code hydra.launcher} settings
   * against the schema, and what its script needs.
   *
   * @throws ConfigException naming the key and where it was set
   */
  public static SlurmSettings check(JobSpec job) {
    SlurmSettings settings = SlurmSettings.parse(job.launcher());
    ArrayScript.check(job);
    return settings;
  }

  /**
   * Checks that a sweep directory can be named in an array script (no line break), before it is
   * created.
   *
   * @param origin where {@code hydra.sweep.dir} was set
   * @throws ConfigException when it cannot
   */
  public static void checkSweepDir(Path sweepDir, Origin origin) {
    ArrayScript.checkSweepDir(sweepDir, origin);
  }

  /**
   * Asks the cluster, before a sweep directory exists, whether it would take arrays with each of
   * these settings ({@code sbatch --test-only}); nothing is queued.
   *
   * @throws ConfigException when SLURM is not installed or unreachable, or would refuse, with
   *     SLURM's message and the setting that caused it: every refused setting at once
   */
  public void preflight(Collection<SlurmSettings> distinct) throws IOException {
    new Preflight(client).check(distinct);
  }

  /**
   * Prints the scripts a sweep would submit, for {@code --dry-run}: the same grouping, splitting
   * and text as a real submission, with array names as a new sweep would have them.
   *
   * @param maxArraySize the cluster's MaxArraySize (or SLURM's default when unknown)
   */
  public static void preview(Path sweepDir, List<JobSpec> jobs, int maxArraySize, PrintStream out) {
    List<SlurmSettings> settings = new ArrayList<>();
    List<ArrayScript.Task> tasks = new ArrayList<>();
    for (JobSpec job : jobs) {
      settings.add(check(job));
      tasks.add(new ArrayScript.Task(job, 0));
    }
    List<ArrayPlan> arrays = ArrayPlan.of(settings, tasks, maxArraySize);
    String previous = null;
    for (int k = 0; k < arrays.size(); k++) {
      ArrayPlan array = arrays.get(k);
      ArrayFiles files = ArrayFiles.preview(sweepDir, k);
      out.println(
          "# ===== "
              + files.script()
              + " ("
              + array.tasks().size()
              + " jobs"
              + (array.settings().packing().packs() ? " in " + array.taskCount() + " tasks" : "")
              + (array.afterPrevious() ? ", submitted to start after " + previous : "")
              + ")");
      out.print(
          ArrayScript.render(
              files.name(),
              sweepDir,
              files.links(),
              array.settings(),
              array.tasks(),
              array.afterPrevious() ? previous : null));
      out.println();
      previous = files.name();
    }
  }

  @Override
  public boolean waitsForUpstream() {
    return true;
  }

  /** The cluster's MaxArraySize. */
  public int maxArraySize() {
    return client.config().maxArraySize();
  }

  @Override
  public SweepResult launch(JobSource jobs, LaunchOptions options) throws IOException {
    Instant started = Instant.now();
    Path sweepDir = options.sweepDir().toAbsolutePath();
    Files.createDirectories(sweepDir);
    Submission.Result submitted;
    try (LauncherLog log = LauncherLog.open(sweepDir);
        FileChannel lockFile =
            FileChannel.open(
                sweepDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      log.event("launch on SLURM: " + jobs.size() + " jobs" + (follow ? ", following" : ""));
      submitted = new Submission(client, jobs, options, log).run();
      if (follow && !submitted.interrupted()) {
        Map<Integer, Path> dirs = new TreeMap<>();
        submitted.jobs().forEach((num, spec) -> dirs.put(num, spec.jobDir()));
        return new SweepFollower(client, options, log).follow(dirs, submitted.failed(), started);
      }
    }
    return submittedResult(options, submitted);
  }

  /** Submit and exit: every submitted job is PENDING and the launch itself succeeded. */
  private static SweepResult submittedResult(LaunchOptions options, Submission.Result submitted) {
    Map<Integer, JobStatus> all = new TreeMap<>(options.previous().statuses());
    submitted.jobs().keySet().forEach(num -> all.put(num, JobStatus.pending(num)));
    submitted.failed().forEach(s -> all.put(s.num(), s));
    StateCounts counts = SweepFollower.counts(all);
    int exit =
        submitted.interrupted()
            ? SweepResult.EXIT_INTERRUPTED
            : counts.get(JobState.FAILED) > 0 && !submitted.failed().isEmpty()
                ? SweepResult.EXIT_FAILED
                : SweepResult.EXIT_OK;
    if (!submitted.jobs().isEmpty()) {
      // The launch's last word: what went to SLURM, and how to follow it from any shell.
      List<Long> ids = submitted.arrayIds();
      String dir = dev.hydra4j.run.RunDirectory.display(options.sweepDir().toAbsolutePath());
      options
          .progress()
          .message(
              "hydra4j: submitted "
                  + submitted.jobs().size()
                  + (submitted.jobs().size() == 1 ? " job" : " jobs")
                  + (ids.size() == 1 ? " as SLURM array " : " as SLURM arrays ")
                  + String.join(", ", ids.stream().map(String::valueOf).toList())
                  + (submitted.interrupted() ? " before the interruption" : "")
                  + "; follow them with: hydra4j status "
                  + dir
                  + " (cancel: hydra4j kill "
                  + dir
                  + ")");
    }
    return new SweepResult(counts, exit, submitted.interrupted(), new ArrayList<>(all.values()))
        .asDetached();
  }
}
