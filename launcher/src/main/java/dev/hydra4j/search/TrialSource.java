package dev.hydra4j.search;

import dev.hydra4j.launch.JobSource;
import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.PruneRequest;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The trials of one launch as the launcher's jobs. A worker asks for the next job when its slot
 * frees up, so a new trial's parameters are suggested at that moment from every trial that has
 * ended — the study is asynchronous with no change to the launcher. The worker's previous trial has
 * just ended; its final status is awaited (briefly) so that it counts.
 */
final class TrialSource implements JobSource {

  private static final long END_WAIT_MILLIS = 3000;

  private final Study study;
  private final List<Integer> numbers;
  private final Map<Integer, Path> jobDirs;
  private final AdaptiveStudy.TrialJobs jobs;
  private final ThreadLocal<Integer> previous = new ThreadLocal<>();

  TrialSource(
      Study study,
      List<Integer> numbers,
      Map<Integer, Path> jobDirs,
      AdaptiveStudy.TrialJobs jobs) {
    this.study = study;
    this.numbers = List.copyOf(numbers);
    this.jobDirs = jobDirs;
    this.jobs = jobs;
  }

  @Override
  public int size() {
    return numbers.size();
  }

  @Override
  public int num(int index) {
    return numbers.get(index);
  }

  @Override
  public JobSpec get(int index) {
    Integer before = previous.get();
    if (before != null) {
      awaitEnd(before);
    }
    refresh(study, jobDirs);
    int number = numbers.get(index);
    previous.set(number);
    boolean again = study.trial(number) != null;
    Map<String, Object> params = study.paramsFor(number);
    try {
      PruneRequest.clear(jobDirs.get(number));
      if (again) {
        keepCurve(jobDirs.get(number), number);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return jobs.prepare(number, study.space().overrides(params));
    } catch (RuntimeException e) {
      // The launcher records the job as FAILED without starting it; so does the study.
      study.ended(number, "FAILED", jobDirs.get(number));
      throw e;
    }
  }

  /**
   * A trial that runs again starts a new curve: the stopped attempt's is kept beside it as {@code
   * metrics.attempt<N>.jsonl}, as the launcher keeps its logs, so the pruner never reads the steps
   * of a run that was cut off.
   */
  private static void keepCurve(Path jobDir, int number) throws IOException {
    Path curve = jobDir.resolve(TrialMetrics.CURVE);
    if (java.nio.file.Files.exists(curve)) {
      int attempt = Math.max(1, StatusFile.read(jobDir, number).attempt());
      java.nio.file.Files.move(
          curve,
          jobDir.resolve("metrics.attempt" + attempt + ".jsonl"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void awaitEnd(int number) {
    long until = System.currentTimeMillis() + END_WAIT_MILLIS;
    while (System.currentTimeMillis() < until) {
      JobState state = StatusFile.read(jobDirs.get(number), number).state();
      if (state.isTerminal()) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Records the end of every running trial whose job has ended. A job INTERRUPTED (Ctrl-C) did not
   * end as a trial: it stays RUNNING, and resume runs it again with its parameters.
   */
  static void refresh(Study study, Map<Integer, Path> jobDirs) {
    for (Trial t : study.trials()) {
      Path dir = jobDirs.get(t.number());
      if (t.state() != TrialState.RUNNING || dir == null) {
        continue;
      }
      JobStatus status = StatusFile.read(dir, t.number());
      if (status.state().isTerminal() && status.state() != JobState.INTERRUPTED) {
        study.ended(t.number(), status.state().name(), dir);
      }
    }
  }
}
