package dev.hydra4j.launch.slurm;

import dev.hydra4j.compose.Composition;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.LaunchSetup;
import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.LauncherKind;
import dev.hydra4j.launch.SweepObservation;
import dev.hydra4j.run.JobStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hydra/launcher=slurm}: a sweep is submitted as array jobs, and its state read from the
 * status files the jobs write plus one {@code squeue} and one {@code sacct} call.
 */
public final class SlurmKind implements LauncherKind {

  @Override
  public String name() {
    return "slurm";
  }

  @Override
  public LaunchSetup configure(Composition composition, boolean follow) {
    return new Setup(follow);
  }

  @Override
  public SweepObservation observe(Path sweepDir, Map<Integer, Path> jobDirs, Duration patience) {
    SlurmSweepStatus status =
        SlurmSweepStatus.read(sweepDir, jobDirs, new SlurmClient(null, Map.of(), patience));
    return new Observation(status, arrays(SubmissionLog.read(sweepDir)));
  }

  @Override
  public int cancel(Path sweepDir, Map<Integer, Path> jobDirs, PrintStream out) {
    return SweepCancel.cancel(sweepDir, jobDirs, new SlurmClient(), out);
  }

  @Override
  public boolean launched(Path sweepDir) {
    return SubmissionLog.exists(sweepDir);
  }

  private static List<String> arrays(SubmissionLog log) {
    List<String> lines = new ArrayList<>();
    if (log.arrays().isEmpty()) {
      lines.add("slurm   nothing submitted yet");
    }
    for (SubmissionLog.Array a : log.arrays()) {
      String jobs = a.jobs().size() == 1 ? "job " + a.jobs().get(0) : a.jobs().size() + " jobs";
      if (a.jobsPerTask() > 1) {
        jobs += " in " + a.tasks() + " tasks of up to " + a.jobsPerTask();
      }
      lines.add(
          "slurm   "
              + (a.name() == null ? "(no script)" : a.name())
              + ": "
              + (a.submittedOk() ? "array " + a.arrayJobId() : "NOT SUBMITTED")
              + ", "
              + jobs
              + (a.after() == null ? "" : ", after " + a.after())
              + (a.error() == null ? "" : " — " + a.error().strip().replace("\n", " / ")));
    }
    return lines;
  }

  /** One sweep's SLURM settings: every job's resource set is asked of the cluster once. */
  private static final class Setup implements LaunchSetup {

    private final boolean follow;
    private final Set<SlurmSettings> distinct = new LinkedHashSet<>();

    Setup(boolean follow) {
      this.follow = follow;
    }

    @Override
    public void checkSweepDir(Path sweepDir, Origin origin) {
      ArrayScript.checkSweepDir(sweepDir, origin);
    }

    @Override
    public void checkJob(JobSpec job) {
      distinct.add(SlurmLauncher.check(job));
    }

    @Override
    public String upstreamWait(String stage, boolean each) {
      return StageDependencies.preview(stage, each);
    }

    @Override
    public boolean needsProgramHere(JobSpec job) {
      // Setup lines (module load, a virtualenv) may put the program on the node's PATH.
      return SlurmLauncher.check(job).setup().isEmpty();
    }

    @Override
    public void preflight() {
      if (distinct.isEmpty()) {
        return;
      }
      try {
        new SlurmLauncher(new SlurmClient(), follow).preflight(distinct);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The array scripts a sweep would submit, for review. When the cluster answers, it is also
     * asked whether it would accept them ({@code sbatch --test-only}); nothing is queued.
     */
    @Override
    public void preview(Path sweepDir, JobSource source, PrintStream out, PrintStream err) {
      List<JobSpec> jobs = new ArrayList<>(source.size());
      for (int i = 0; i < source.size(); i++) {
        jobs.add(source.get(i));
        checkJob(jobs.get(i));
      }
      int maxArraySize = SlurmConfig.DEFAULT_MAX_ARRAY_SIZE;
      String checked;
      ConfigException refused = null;
      try {
        maxArraySize =
            new SlurmClient(null, Map.of(), Duration.ofSeconds(20)).config().maxArraySize();
        preflight();
        checked = "SLURM would accept them (sbatch --test-only)";
      } catch (ConfigException e) {
        if (!e.getMessage().startsWith("SLURM is not installed")
            && !e.getMessage().startsWith("SLURM controller unreachable")) {
          // The scripts are printed all the same: they are what the user needs to look at.
          refused = e;
          checked = "SLURM would refuse them (sbatch --test-only), as the error below says";
        } else {
          checked =
              "not checked with SLURM, which cannot be reached here ("
                  + e.getMessage().lines().findFirst().orElse("")
                  + "); MaxArraySize taken as "
                  + maxArraySize;
        }
      }
      out.println();
      SlurmLauncher.preview(sweepDir, jobs, maxArraySize, out);
      out.flush();
      err.println(
          "hydra4j: dry run: the array scripts above would be submitted; "
              + checked
              + "; nothing was submitted");
      if (refused != null) {
        throw refused;
      }
    }

    @Override
    public LaunchOptions options(Path sweepDir) {
      return LaunchOptions.defaults(sweepDir);
    }

    @Override
    public Launcher launcher() {
      return new SlurmLauncher(new SlurmClient(), follow);
    }

    @Override
    public boolean runsJobsAsSlotsFree() {
      return true;
    }

    /** One submission per job as a slot frees, within every checked job's array_parallelism. */
    @Override
    public Launcher slotLauncher(int slots) {
      int limit = slots;
      for (SlurmSettings s : distinct) {
        if (s.arrayParallelism() != null) {
          limit = Math.min(limit, s.arrayParallelism());
        }
      }
      return new SlotLauncher(new SlurmClient(), limit);
    }

    @Override
    public boolean followsJobsLeftRunning() {
      return true;
    }
  }

  private record Observation(SlurmSweepStatus status, List<String> launch)
      implements SweepObservation {

    @Override
    public JobStatus status(int num) {
      return status.status(num);
    }

    @Override
    public String engineColumn() {
      return "slurm";
    }

    @Override
    public String engineId(int num) {
      return status.slurmId(num);
    }

    @Override
    public List<String> notes() {
      return status.notes();
    }

    @Override
    public void recordFinalStates() {
      status.recordFinalStates();
    }
  }
}
