package dev.hydra4j.results;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import dev.hydra4j.run.StatusFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of one run or sweep: a row per job, the keys that vary between jobs and the metric
 * names that any job reported.
 *
 * <p>Problem policy: a COMPLETED job is expected to have every metric some other job has, so each
 * one it lacks is a problem of that job, as is every rule that found nothing. A job that did not
 * complete is expected to lack metrics (its state says why); only a damaged {@code metrics.json} or
 * status file is reported for it.
 *
 * @param paramKeys every override key, in order of first appearance
 * @param sweptKeys the keys whose value differs between jobs (or is missing in some)
 * @param metricNames every metric name, in order of first appearance
 */
record RunResults(
    RecordedRun run,
    List<JobRow> rows,
    List<String> paramKeys,
    List<String> sweptKeys,
    List<String> metricNames) {

  RunResults {
    rows = List.copyOf(rows);
    paramKeys = List.copyOf(paramKeys);
    sweptKeys = List.copyOf(sweptKeys);
    metricNames = List.copyOf(metricNames);
  }

  static RunResults read(RecordedRun run, Harvester harvester) {
    return of(run, JobReads.rows(run, harvester));
  }

  /** The results of the run or sweep in {@code dir}, its files read on a few threads. */
  static RunResults read(java.nio.file.Path dir, Harvester harvester) {
    return JobReads.results(dir, harvester);
  }

  /**
   * What a job's own files say, read without the sweep's state: its metrics and its parameters.
   *
   * @param params the job's overrides as typed values by key
   */
  record Harvested(Harvester.JobMetrics metrics, Map<String, Object> params) {}

  static Harvested harvest(RecordedRun.JobEntry job, Harvester harvester) {
    return new Harvested(harvester.harvest(job.dir()), Overrides.params(job.overrides()));
  }

  /**
   * One job's row, with the problems found in its own files only; its state is the one {@code
   * status} shows ({@link dev.hydra4j.run.SweepState#effective}).
   */
  static JobRow readJob(
      RecordedRun.JobEntry job, Harvester harvester, dev.hydra4j.run.SweepState state) {
    return readJob(job, harvest(job, harvester), state);
  }

  /**
   * {@link #readJob(RecordedRun.JobEntry, Harvester, dev.hydra4j.run.SweepState)} of files read.
   */
  static JobRow readJob(
      RecordedRun.JobEntry job, Harvested harvested, dev.hydra4j.run.SweepState state) {
    List<String> problems = new ArrayList<>();
    String unreadable = state.unreadable().get(StatusFile.path(job.dir()));
    if (unreadable != null) {
      problems.add(unreadable);
    }
    JobStatus recorded = state.status(job.num());
    JobStatus status = state.effective(job.num());
    if (status.state() != recorded.state()) {
      // Recorded RUNNING on this host, but its process is gone: the launcher died before
      // it could record the end. Shown as what it is, as monitor and status show it.
      problems.add("recorded RUNNING, but its process is gone; 'hydra4j resume' runs it again");
    }
    Harvester.JobMetrics metrics = harvested.metrics();
    for (String problem : metrics.problems()) {
      if (status.state() == JobState.COMPLETED || problem.startsWith(RunFiles.METRICS_JSON)) {
        problems.add(problem);
      }
    }
    return new JobRow(
        job.num(),
        job.dir(),
        status,
        harvested.params(),
        metrics.values(),
        problems,
        metrics.curves(),
        metrics.sources());
  }

  /** The results of {@code run} from rows read one by one; adds the missing-metric problems. */
  static RunResults of(RecordedRun run, List<JobRow> draft) {
    LinkedHashSet<String> metricNames = new LinkedHashSet<>();
    LinkedHashSet<String> paramKeys = new LinkedHashSet<>();
    for (JobRow row : draft) {
      metricNames.addAll(row.metrics().keySet());
      paramKeys.addAll(row.params().keySet());
    }
    List<JobRow> rows = new ArrayList<>();
    for (JobRow row : draft) {
      List<String> problems = new ArrayList<>(row.problems());
      if (row.state() == JobState.COMPLETED) {
        for (String name : metricNames) {
          if (!row.metrics().containsKey(name)) {
            problems.add(
                "no metric '"
                    + name
                    + "' (this job has: "
                    + (row.metrics().isEmpty() ? "none" : String.join(", ", row.metrics().keySet()))
                    + ")");
          }
        }
      }
      // most rows gain no problem here: kept as they are, not copied map by map
      rows.add(problems.size() == row.problems().size() ? row : row.withProblems(problems));
    }
    return new RunResults(
        run, rows, List.copyOf(paramKeys), swept(rows, paramKeys), List.copyOf(metricNames));
  }

  private static List<String> swept(List<JobRow> rows, Set<String> keys) {
    List<String> swept = new ArrayList<>();
    for (String key : keys) {
      Set<Object> seen = new HashSet<>();
      boolean missing = false;
      for (JobRow row : rows) {
        if (row.params().containsKey(key)) {
          seen.add(row.params().get(key));
        } else {
          missing = true;
        }
      }
      if (seen.size() > 1 || missing) {
        swept.add(key);
      }
    }
    return swept;
  }

  /** Problems grouped by message, each with the job numbers it applies to. */
  Map<String, List<Integer>> problemsByMessage() {
    Map<String, List<Integer>> grouped = new java.util.LinkedHashMap<>();
    for (JobRow row : rows) {
      for (String problem : row.problems()) {
        grouped.computeIfAbsent(problem, p -> new ArrayList<>()).add(row.num());
      }
    }
    return grouped;
  }

  /** The metrics that some job logged over time, in order of first appearance. */
  List<String> curveNames() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (JobRow row : rows) {
      names.addAll(row.curves().keySet());
    }
    return List.copyOf(names);
  }

  /** For each metric a rule produced, the rules that did (usually one). */
  Map<String, Set<String>> ruleSources() {
    Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
    for (JobRow row : rows) {
      row.sources()
          .forEach(
              (metric, rule) -> out.computeIfAbsent(metric, k -> new LinkedHashSet<>()).add(rule));
    }
    return out;
  }

  /** Whether no job reported any metric and none was expected to. */
  boolean hasNoMetrics() {
    return metricNames.isEmpty();
  }

  /** Number of jobs in each state. */
  Map<JobState, Integer> counts() {
    Map<JobState, Integer> counts = new java.util.EnumMap<>(JobState.class);
    for (JobRow row : rows) {
      counts.merge(row.state(), 1, Integer::sum);
    }
    return counts;
  }

  /** Number of jobs by label, jobs never started apart from PENDING ones. */
  Map<String, Integer> tally() {
    int notStarted = (int) rows.stream().filter(JobRow::notStarted).count();
    return dev.hydra4j.run.StateLabel.tally(counts(), notStarted);
  }

  /** The row of job {@code num}, or {@code null}. */
  JobRow row(int num) {
    for (JobRow row : rows) {
      if (row.num() == num) {
        return row;
      }
    }
    return null;
  }
}
