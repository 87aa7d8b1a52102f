package dev.hydra4j.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import dev.hydra4j.run.StatusFile;
import dev.hydra4j.run.SweepJournal;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run or sweep directory and its jobs, as the files say: a sweep's jobs come from its {@code
 * plan.json} (so jobs that have not started yet are listed too), or, for a sweep without one, from
 * the job directories found below it; a single run is its own job 0.
 *
 * @param dir the absolute, normalized directory
 * @param kind sweep or single run
 * @param jobs the jobs by number
 * @param command the task's command from the plan, or empty
 */
record RecordedRun(Path dir, Kind kind, List<JobEntry> jobs, List<String> command) {

  /** Whether a directory holds one run or a sweep of jobs. */
  enum Kind {
    RUN,
    SWEEP;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One job of a run: its number, directory and the overrides that made it.
   *
   * @param overrides {@code key=value} lines, as in {@code .hydra/overrides.yaml}
   */
  record JobEntry(int num, Path dir, List<String> overrides) {}

  /**
   * The state of every job, as {@code status} and {@code resume} read it: the sweep's journal
   * first, then the jobs' status files ({@link SweepState}).
   */
  SweepState state() {
    try {
      return SweepState.read(dir, dirs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #state()} with the journal already read ({@link SweepJournal#read} of {@link #dir}). */
  SweepState state(SweepJournal.Contents journal) {
    return SweepState.read(dir, journal, dirs());
  }

  private Map<Integer, Path> dirs() {
    Map<Integer, Path> dirs = new TreeMap<>();
    jobs.forEach(job -> dirs.put(job.num(), job.dir()));
    return dirs;
  }

  private static final int MAX_DEPTH = 8;

  RecordedRun {
    jobs = List.copyOf(jobs);
    command = List.copyOf(command);
  }

  /**
   * Opens the run or sweep in {@code given}.
   *
   * @throws ConfigException when it does not exist or is neither a run nor a sweep
   */
  static RecordedRun open(Path given) {
    Path dir = given.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          "'" + given + "' does not exist",
          Origin.of(given.toString()),
          "give a sweep directory such as multirun/2026-01-31/12-00-00 or a run directory"
              + " such as outputs/2026-01-31/12-00-00; 'hydra4j runs' lists them");
    }
    if (RunFiles.isSweep(dir)) {
      Path file = dir.resolve(RunFiles.PLAN_JSON);
      PlanJobs.Plan plan = PlanJobs.read(file, dir);
      if (plan == null) {
        plan = planTree(file, dir);
      }
      if (plan != null) {
        return new RecordedRun(dir, Kind.SWEEP, plan.jobs(), plan.command());
      }
      return new RecordedRun(dir, Kind.SWEEP, walk(dir), List.of());
    }
    if (RunFiles.isSingleRun(dir)) {
      // a job directory copied out of its sweep keeps its own number
      int num = Math.max(0, numberOf(dir, Files.isRegularFile(StatusFile.path(dir))));
      return new RecordedRun(
          dir, Kind.RUN, List.of(new JobEntry(num, dir, RunFiles.overrides(dir))), List.of());
    }
    if (dev.hydra4j.run.StageLinks.isPipeline(dir)) {
      throw new ConfigException(
          "'" + given + "' is a pipeline: each of its stages is a sweep of its own",
          Origin.of(given.toString()),
          "give one stage, e.g. "
              + given.resolve(lastStage(dir))
              + "; hydra4j status "
              + given
              + " shows them all");
    }
    throw new ConfigException(
        "'"
            + given
            + "' is not a hydra4j run or sweep (it has no "
            + RunFiles.PLAN_JSON
            + ", "
            + RunFiles.MULTIRUN_YAML
            + " or .hydra/)",
        Origin.of(given.toString()),
        "give the directory printed when the run started, e.g. multirun/2026-01-31/12-00-00;"
            + " 'hydra4j runs' lists them");
  }

  /**
   * The plan in {@code file} read as a tree, leniently: what {@link PlanJobs} leaves to it. {@code
   * null} when it is missing, not JSON or lists no jobs.
   */
  static PlanJobs.Plan planTree(Path file, Path sweepDir) {
    JsonNode plan = RunFiles.json(file);
    if (plan == null || !plan.path("jobs").isArray()) {
      return null;
    }
    List<JobEntry> jobs = new ArrayList<>();
    for (JsonNode job : plan.path("jobs")) {
      jobs.add(
          new JobEntry(
              job.path("num").asInt(),
              sweepDir.resolve(job.path("dir").asText(String.valueOf(job.path("num").asInt()))),
              RunFiles.strings(job.path("overrides"))));
    }
    return new PlanJobs.Plan(jobs, RunFiles.strings(plan.path("command")));
  }

  /** How far above a job's directory its sweep may be ({@code hydra.sweep.subdir} a/b/c). */
  private static final int SUBDIR_DEPTH = 4;

  /**
   * The sweep {@code dir} is a job directory of, restricted to that job; {@code null} when it is
   * none (a single run, a sweep, or a directory outside any sweep).
   */
  static RecordedRun jobOf(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (RunFiles.isSweep(abs)) {
      return null;
    }
    Path up = abs.getParent();
    for (int i = 0; i < SUBDIR_DEPTH && up != null; i++, up = up.getParent()) {
      if (RunFiles.isSweep(up)) {
        RecordedRun sweep = open(up);
        for (JobEntry job : sweep.jobs()) {
          if (job.dir().equals(abs)) {
            return sweep.only(job.num());
          }
        }
        return null;
      }
    }
    return null;
  }

  /**
   * This sweep with job {@code num} only.
   *
   * @throws ConfigException when it has no such job, naming the ones it has
   */
  RecordedRun only(int num) {
    for (JobEntry job : jobs) {
      if (job.num() == num) {
        return new RecordedRun(dir, kind, List.of(job), command);
      }
    }
    throw new ConfigException(
        kind.label() + " " + Display.path(dir) + " has no job " + num,
        Origin.of("job " + num),
        jobs.isEmpty()
            ? "it has no jobs yet"
            : "its jobs are "
                + JobNumbers.describe(jobs.stream().map(JobEntry::num).sorted().toList())
                    .replaceFirst("^jobs? ", ""));
  }

  private static String lastStage(Path pipelineDir) {
    try {
      List<String> stages = dev.hydra4j.run.StageLinks.stagesOf(pipelineDir);
      return stages.isEmpty() ? "STAGE" : stages.get(stages.size() - 1);
    } catch (java.io.IOException e) {
      return "STAGE";
    }
  }

  /** Whether {@code dir} is a run or a sweep, without reading its jobs. */
  static boolean isRun(Path dir) {
    return RunFiles.isSweep(dir) || RunFiles.isSingleRun(dir);
  }

  /** Job directories below a sweep without a plan: those with a status file or .hydra/. */
  private static List<JobEntry> walk(Path sweepDir) {
    Map<Integer, JobEntry> found = new TreeMap<>();
    try {
      Files.walkFileTree(
          sweepDir,
          EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (d.equals(sweepDir)) {
                return FileVisitResult.CONTINUE;
              }
              if (d.getFileName().toString().startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              boolean hasStatus = Files.isRegularFile(StatusFile.path(d));
              if (!hasStatus && !Files.isDirectory(d.resolve(RunFiles.HYDRA_DIR))) {
                return FileVisitResult.CONTINUE;
              }
              int num = numberOf(d, hasStatus);
              if (num >= 0) {
                found.putIfAbsent(num, new JobEntry(num, d, RunFiles.overrides(d)));
              }
              return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(found.values());
  }

  private static int numberOf(Path jobDir, boolean hasStatus) {
    if (hasStatus) {
      JsonNode status = RunFiles.json(StatusFile.path(jobDir));
      if (status != null
          && status.path("num").canConvertToInt()
          && status.path("num").isIntegralNumber()) {
        return status.path("num").asInt();
      }
    }
    try {
      return Integer.parseInt(jobDir.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
