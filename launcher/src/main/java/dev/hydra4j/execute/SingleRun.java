package dev.hydra4j.execute;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.Composition;
import dev.hydra4j.compose.RunMode;
import dev.hydra4j.compose.Version;
import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.SigintHandler;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.launch.registry.Launchers;
import dev.hydra4j.override.ParsedOverride;
import dev.hydra4j.run.GitInfo;
import dev.hydra4j.run.RunDirectory;
import dev.hydra4j.run.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A single run — the local debug run before a cluster submission: one job in {@code hydra.run.dir}
 * ({@code outputs/DATE/TIME}), its output shown live and kept in the run directory's logs, with the
 * same {@code .hydra/} files and status as a sweep job.
 */
public final class SingleRun {

  private SingleRun() {}

  public static int run(LaunchRequest request) {
    CompletableFuture<GitInfo> git = GitInfo.readSoon(Path.of("").toAbsolutePath());
    ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
    Composer composer = Composers.create(request.searchPath(), now);
    List<ParsedOverride> overrides = Composers.parse(request.overrides());
    Composition composition = composer.compose(request.configName(), overrides, RunMode.RUN);
    Path wanted = Path.of(new HydraSettings(composition).text("hydra.run.dir", "outputs"));
    RunDirectory.requireWritable(wanted, "hydra.run.dir");
    Path probeDir = wanted.toAbsolutePath().normalize();
    PreparedJob checked =
        new JobPreparer(composer, request.configName(), RunMode.RUN, probeDir, request.command())
            .prepare(0, overrides);
    Commands.requireRunnable(checked);
    // Of the launcher's settings only the grace of a stop applies: a single run is one local
    // job, whatever hydra/launcher says, run once, as Hydra runs it.
    Duration killGrace = new LaunchSettings(composition).singleRunOptions(probeDir).killGrace();

    Path runDir = RunDirectory.createExclusive(wanted, "hydra.run.dir");
    JobPreparer preparer =
        new JobPreparer(composer, request.configName(), RunMode.RUN, runDir, request.command());
    try {
      JobSpec spec = preparer.write(preparer.prepare(0, overrides), false);
      RunRecord.capture(Version.VALUE, request.argv(), git.join()).write(runDir);
      request.label().write(runDir);
      request.err().println("hydra4j: running in " + Multirun.display(runDir));
      LaunchOptions options =
          LaunchOptions.defaults(runDir)
              .withKillGrace(killGrace)
              .withProgress(new EchoProgress(spec.jobDir(), request.out(), request.err()));
      SweepResult result;
      try (SigintHandler sigint = SigintHandler.install(options.stop())) {
        result = Launchers.oneJobHere().launch(JobSource.of(List.of(spec)), options);
      }
      var status = result.jobs().get(0);
      request
          .err()
          .println(
              "hydra4j: "
                  + status.state()
                  + (status.exitCode() == null ? "" : " (exit code " + status.exitCode() + ")")
                  + " — outputs in "
                  + Multirun.display(runDir));
      if (result.ioFailure() != null) {
        request
            .err()
            .println("hydra4j: error: cannot write the run's files: " + result.ioFailure());
      }
      return result.exitCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
