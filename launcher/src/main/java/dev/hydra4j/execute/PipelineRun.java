package dev.hydra4j.execute;

import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.pipeline.Dependency;
import dev.hydra4j.pipeline.Pipeline;
import dev.hydra4j.run.GitInfo;
import dev.hydra4j.run.RunDirectory;
import dev.hydra4j.run.StageLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hydra4j -m --pipeline pipeline.yaml}: plan and check every stage, then write one sweep
 * directory per stage under one pipeline directory and launch the stages in order. The local
 * launcher runs a stage once the one before has ended, each job only if its upstream jobs
 * completed; SLURM gets every stage at once, each array waiting for its upstream arrays.
 */
public final class PipelineRun {

  private PipelineRun() {}

  /** Runs (or, with {@code dryRun}, only plans and shows) the pipeline; returns the exit code. */
  public static int run(LaunchRequest request, Path pipelineFile, boolean dryRun) {
    if (request.waitForJobs()) {
      throw new dev.hydra4j.config.ConfigException(
          "--wait does not follow a pipeline yet",
          dev.hydra4j.config.Origin.of("--wait"),
          "submit it without --wait and follow it with: hydra4j status <pipeline dir>");
    }
    Pipeline pipeline = Pipeline.read(pipelineFile);
    ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
    PipelinePlan plan = PipelinePlan.create(request, pipeline, now);
    if (dryRun) {
      plan.describe(request.out());
      request
          .err()
          .println("hydra4j: dry run: every job of every stage is valid; nothing was written");
      return 0;
    }
    Path root = RunDirectory.createExclusive(plan.wantedRoot, "hydra.sweep.dir");
    try {
      write(plan, root, request, now, GitInfo.read(Path.of("").toAbsolutePath()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    request
        .err()
        .println(
            "hydra4j: pipeline of "
                + plan.stages.size()
                + " stages in "
                + Multirun.display(root)
                + " ("
                + String.join(
                    ", ",
                    plan.stages.stream()
                        .map(p -> p.stage().name() + ": " + p.plan().size())
                        .toList())
                + " jobs)");
    return launch(plan, root, request);
  }

  private static void write(
      PipelinePlan plan, Path root, LaunchRequest request, ZonedDateTime now, GitInfo git)
      throws IOException {
    List<StageLinks> links = new ArrayList<>();
    for (PipelinePlan.Planned p : plan.stages) {
      Path dir = PipelinePlan.stageDir(root, p.stage().name());
      Files.createDirectory(dir);
      List<SavedPlan.Job> jobs = new ArrayList<>(p.plan().size());
      for (int i = 0; i < p.plan().size(); i++) {
        var job = p.plan().job(i);
        jobs.add(new SavedPlan.Job(job.num(), p.dirs().get(i), job.texts()));
      }
      LaunchRequest stageRequest =
          new LaunchRequest(
              request.searchPath(),
              request.configName(),
              p.overrides(),
              p.command(),
              request.sweepOptions(),
              request.argv(),
              request.label(),
              request.out(),
              request.err(),
              false);
      Multirun.writeSweepFiles(
          dir, p.base(), jobs, p.plan().gridSize(), stageRequest, now, p.launch().name(), git);
      List<StageLinks.Link> upstream = new ArrayList<>();
      for (Dependency d : p.stage().dependsOn()) {
        upstream.add(new StageLinks.Link(d.stage(), "../" + d.stage(), d.each()));
      }
      StageLinks stage = new StageLinks(p.stage().name(), upstream);
      stage.write(dir);
      links.add(stage);
    }
    StageLinks.writePipeline(root, links);
  }

  private static int launch(PipelinePlan plan, Path root, LaunchRequest request) {
    int exit = 0;
    for (PipelinePlan.Planned p : plan.stages) {
      Path dir = PipelinePlan.stageDir(root, p.stage().name());
      JobPreparer preparer =
          new JobPreparer(
                  plan.composer,
                  request.configName(),
                  dev.hydra4j.compose.RunMode.MULTIRUN,
                  dir,
                  p.command())
              .withStageValues(plan.inputs(p.stage(), root));
      int code;
      try (SweepLock lock = SweepLock.acquire(dir)) {
        code =
            Multirun.launch(
                dir,
                PlannedJobs.of(p.plan()),
                preparer,
                CheckedJobs.NONE,
                p.launch(),
                p.jobDirs(dir),
                request.err());
      }
      if (code == SweepResult.EXIT_INTERRUPTED || code == SweepResult.EXIT_IO_FAILURE) {
        request
            .err()
            .println(
                "hydra4j: the later stages were not launched; continue with: hydra4j resume "
                    + Multirun.display(root));
        return code;
      }
      exit = Math.max(exit, code);
    }
    if (plan.stages.get(0).launch().launcher().waitsForUpstream()) {
      request
          .err()
          .println(
              "hydra4j: every stage is submitted, each waiting for the one before; follow them"
                  + " with: hydra4j status "
                  + Multirun.display(root));
      return exit;
    }
    return Math.max(exit, PipelineStatus.summarize(root, request.err()));
  }
}
