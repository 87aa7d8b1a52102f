package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.compose.Version;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.RunDirectory;
import dev.hydra4j.run.RunLayout;
import dev.hydra4j.run.RunRecord;
import dev.hydra4j.run.StatusFile;
import dev.hydra4j.sweep.PlannedJob;
import dev.hydra4j.sweep.SweepOptions;
import dev.hydra4j.sweep.SweepPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Runs a JVM callback as the task, in this process, one job after another: the library's
 * {@code @hydra.main} equivalent. Each job gets the same directory, {@code .hydra/} files and
 * status file as a launched command.
 */
public final class InProcessRun {

  /** The task: called once per job with its resolved config and directory. */
  @FunctionalInterface
  public interface Task {
    void run(ConfigMap config, Path jobDir, int num) throws Exception;
  }

  private InProcessRun() {}

  /** Runs one job, or every job of the sweep when {@code multirun}; returns the exit code. */
  public static int run(
      SearchPath searchPath,
      String configName,
      List<String> overrides,
      boolean multirun,
      List<String> argv,
      PrintStream err,
      Task task) {
    ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
    Composer composer = Composers.create(searchPath, now);
    List<ParsedOverride> parsed = Composers.parse(overrides);
    RunMode mode = multirun ? RunMode.MULTIRUN : RunMode.RUN;
    SweepPlan plan =
        multirun ? SweepPlan.create(composer, configName, parsed, SweepOptions.NONE) : null;
    var base =
        composer.compose(configName, parsed.stream().filter(o -> !o.isSweep()).toList(), mode);
    String setting = multirun ? "hydra.sweep.dir" : "hydra.run.dir";
    Path wanted = Path.of(new HydraSettings(base).text(setting, multirun ? "multirun" : "outputs"));
    RunDirectory.requireWritable(wanted, setting);
    if (multirun) {
      Multirun.validateAll(
          plan,
          new JobPreparer(
              composer, configName, mode, wanted.toAbsolutePath().normalize(), List.of(), true),
          wanted.toAbsolutePath().normalize(),
          new LaunchSettings(base));
    }
    Path root = RunDirectory.createExclusive(wanted, setting);
    JobPreparer preparer = new JobPreparer(composer, configName, mode, root, List.of(), true);
    int failed = 0;
    try {
      RunRecord.capture(Version.VALUE, argv).write(root);
      List<PlannedJob> jobs =
          multirun ? PlannedJobsList.all(plan) : List.of(new PlannedJob(0, parsed));
      if (multirun) {
        // The same sweep-level record as a launched sweep, so status, collect and runs
        // see it; its task is code in this JVM, so resume cannot start it again.
        dev.hydra4j.run.AtomicFiles.write(
            root.resolve(RunLayout.MULTIRUN), dev.hydra4j.config.YamlWriter.toYaml(base.config()));
        List<SavedPlan.Job> saved = new java.util.ArrayList<>();
        for (PlannedJob job : jobs) {
          Path dir = preparer.prepare(job.num(), job.overrides()).jobDir();
          saved.add(new SavedPlan.Job(job.num(), root.relativize(dir).toString(), job.texts()));
        }
        new SavedPlan(
                Version.VALUE,
                configName,
                searchPath.directories().stream()
                    .map(p -> p.toAbsolutePath().normalize().toString())
                    .toList(),
                Path.of("").toAbsolutePath().toString(),
                overrides,
                List.of(),
                SweepOptions.NONE,
                now,
                "in-process",
                plan.gridSize(),
                saved)
            .write(root);
      }
      for (PlannedJob job : jobs) {
        PreparedJob prepared = preparer.prepare(job.num(), job.overrides());
        preparer.writeFiles(prepared);
        JobStatus status =
            JobStatus.running(
                job.num(),
                1,
                Instant.now(),
                dev.hydra4j.run.Host.name(),
                ProcessHandle.current().pid());
        StatusFile.write(prepared.jobDir(), status);
        try {
          task.run(prepared.config(), prepared.jobDir(), job.num());
          StatusFile.write(prepared.jobDir(), status.ended(JobState.COMPLETED, 0, Instant.now()));
        } catch (Exception e) {
          failed++;
          err.println("hydra4j: job " + job.num() + " failed: " + e);
          StatusFile.write(
              prepared.jobDir(),
              status
                  .ended(JobState.FAILED, 1, Instant.now())
                  .withExtra(JobStatus.ERROR, String.valueOf(e)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    err.println("hydra4j: outputs in " + Multirun.display(root));
    return failed == 0 ? 0 : 1;
  }

  /** Every job of a plan, for the few a JVM task runs in one process. */
  private static final class PlannedJobsList {
    static List<PlannedJob> all(SweepPlan plan) {
      List<PlannedJob> out = new java.util.ArrayList<>(plan.size());
      for (int i = 0; i < plan.size(); i++) {
        out.add(plan.job(i));
      }
      return out;
    }
  }
}
