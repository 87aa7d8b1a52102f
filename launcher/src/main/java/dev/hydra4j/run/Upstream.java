package dev.hydra4j.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What a pipeline stage's jobs wait for, read from the files of the stages before it: whether job
 * {@code i} may run now, must wait, or never will (an upstream job it needs did not complete, so it
 * is {@link JobState#SKIPPED}). Upstream stages are read lazily, once, and their own upstream too:
 * a job SKIPPED upstream blocks its dependants in turn.
 */
public final class Upstream {

  /** Where job {@code num} stands with respect to its upstream jobs. */
  public enum Readiness {
    /** Every upstream job it needs has completed (or it has none). */
    READY,
    /** Some upstream job it needs has not ended yet, none has failed. */
    WAITING,
    /** An upstream job it needs ended without completing: it will not run. */
    BLOCKED
  }

  /**
   * A job's readiness and, unless READY, the upstream job behind it (e.g. "train job 2 FAILED").
   */
  public record Verdict(Readiness readiness, String reason) {}

  private static final Upstream NONE = new Upstream(null, null);
  private static final Verdict READY = new Verdict(Readiness.READY, null);

  private final Path sweepDir;
  private final StageLinks links;
  private final Map<String, Stage> stages = new HashMap<>();

  private Upstream(Path sweepDir, StageLinks links) {
    this.sweepDir = sweepDir;
    this.links = links;
  }

  /** No upstream: a sweep that is not a pipeline stage. */
  public static Upstream none() {
    return NONE;
  }

  /** The upstream of the sweep in {@code sweepDir}; none when it is not a pipeline stage. */
  public static Upstream of(Path sweepDir) {
    try {
      StageLinks links = StageLinks.read(sweepDir);
      return links == null || links.upstream().isEmpty() ? NONE : new Upstream(sweepDir, links);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the sweep has upstream stages at all. */
  public boolean isEmpty() {
    return links == null;
  }

  /** The stages this one depends on, as its {@code stage.json} names them. */
  public List<StageLinks.Link> links() {
    return links == null ? List.of() : links.upstream();
  }

  /** The sweep directory of an upstream stage. */
  public Path dirOf(StageLinks.Link link) {
    return sweepDir.resolve(link.dir()).normalize();
  }

  /** Job {@code num}'s readiness; READY for a sweep without upstream. */
  public Verdict verdict(int num) {
    if (links == null) {
      return READY;
    }
    Verdict result = READY;
    for (StageLinks.Link link : links.upstream()) {
      Stage stage = stage(link);
      Iterable<Integer> needed = link.each() ? List.of(num) : stage.jobDirs.keySet();
      for (int n : needed) {
        if (!stage.jobDirs.containsKey(n)) {
          continue;
        }
        JobState state = stage.state.effective(n).state();
        if (StageLinks.BLOCKING.contains(state)) {
          return new Verdict(Readiness.BLOCKED, link.stage() + " job " + n + " " + state);
        }
        if (!state.isSuccess() && result.readiness() == Readiness.READY) {
          result = new Verdict(Readiness.WAITING, link.stage() + " job " + n + " " + state);
        }
      }
    }
    return result;
  }

  /**
   * {@code status}, or SKIPPED when the job never started (PENDING, or CANCELLED by a scheduler
   * that saw its dependency fail) and an upstream job it needs did not complete.
   */
  public JobStatus skippedOr(JobStatus status) {
    if (links == null
        || status.start() != null
        || !(status.state() == JobState.PENDING || status.state() == JobState.CANCELLED)) {
      return status;
    }
    Verdict v = verdict(status.num());
    if (v.readiness() != Readiness.BLOCKED) {
      return status;
    }
    return skipped(status.num(), status.attempt(), v.reason());
  }

  /** A SKIPPED status with its reason. */
  public static JobStatus skipped(int num, int attempt, String reason) {
    return JobStatus.unstarted(
        num, JobState.SKIPPED, attempt, Map.of(JobStatus.ERROR, "upstream " + reason));
  }

  /** {@code status} with {@link #skippedOr} applied to every job. */
  public IntFunction<JobStatus> overlay(IntFunction<JobStatus> status) {
    return links == null ? status : num -> skippedOr(status.apply(num));
  }

  private Stage stage(StageLinks.Link link) {
    return stages.computeIfAbsent(link.stage(), name -> Stage.read(dirOf(link)));
  }

  /** An upstream stage's jobs (from its plan) and their states. */
  private record Stage(Map<Integer, Path> jobDirs, SweepState state) {

    static Stage read(Path dir) {
      try {
        // The plan's job list, read here rather than through execute's SavedPlan: run/ sits
        // below execute/, and only the numbers and directories are needed.
        JsonNode plan = new ObjectMapper().readTree(dir.resolve(RunLayout.PLAN).toFile());
        Map<Integer, Path> dirs = new TreeMap<>();
        List<JsonNode> jobs = new ArrayList<>();
        plan.path("jobs").forEach(jobs::add);
        for (JsonNode job : jobs) {
          dirs.put(job.path("num").asInt(), dir.resolve(job.path("dir").asText()));
        }
        return new Stage(dirs, SweepState.read(dir, dirs));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
