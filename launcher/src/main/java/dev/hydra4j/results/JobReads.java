package dev.hydra4j.results;

import dev.hydra4j.run.SweepJournal;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a run's or sweep's results on a few threads: its journal while its plan is parsed, then the
 * jobs' own files (metrics, recorded rules) in chunks. A 20,000-job sweep's {@code collect} waits
 * mostly on opening 20,000 directories' files one by one and on parsing the journal, which no
 * longer wait on each other. The rows are the same as read one job after another ({@link
 * #rows(RecordedRun, Harvester)}), in plan order: only the order of the reads changes.
 */
final class JobReads {

  /** Below this many jobs, a second thread for the jobs' files costs more than it saves. */
  static final int PARALLEL_FROM = 256;

  private static final int CHUNK = 512;

  private JobReads() {}

  /**
   * The results of the run or sweep in {@code dir}.
   *
   * @throws dev.hydra4j.config.ConfigException when it is neither ({@link RecordedRun#open})
   */
  static RunResults results(Path dir, Harvester harvester) {
    Path abs = dir.toAbsolutePath().normalize();
    ExecutorService pool = pool(threads());
    try {
      Future<SweepJournal.Contents> journal = pool.submit(() -> SweepJournal.read(abs));
      RecordedRun run = RecordedRun.open(dir);
      if (run.jobs().size() < PARALLEL_FROM) {
        return RunResults.of(run, rows(run, harvester, run.state(result(journal))));
      }
      List<Future<List<RunResults.Harvested>>> parts = new ArrayList<>();
      List<RecordedRun.JobEntry> jobs = run.jobs();
      for (int from = 0; from < jobs.size(); from += CHUNK) {
        List<RecordedRun.JobEntry> part = jobs.subList(from, Math.min(jobs.size(), from + CHUNK));
        parts.add(pool.submit(() -> harvest(part, harvester)));
      }
      SweepState state = run.state(result(journal));
      List<JobRow> rows = new ArrayList<>(jobs.size());
      int i = 0;
      for (Future<List<RunResults.Harvested>> part : parts) {
        for (RunResults.Harvested harvested : result(part)) {
          rows.add(RunResults.readJob(jobs.get(i++), harvested, state));
        }
      }
      return RunResults.of(run, rows);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One row per job of {@code run}, in its order, read on this thread. */
  static List<JobRow> rows(RecordedRun run, Harvester harvester) {
    return rows(run, harvester, run.state());
  }

  private static List<JobRow> rows(RecordedRun run, Harvester harvester, SweepState state) {
    List<JobRow> rows = new ArrayList<>(run.jobs().size());
    for (RecordedRun.JobEntry job : run.jobs()) {
      rows.add(RunResults.readJob(job, RunResults.harvest(job, harvester), state));
    }
    return rows;
  }

  private static List<RunResults.Harvested> harvest(
      List<RecordedRun.JobEntry> part, Harvester harvester) {
    List<RunResults.Harvested> out = new ArrayList<>(part.size());
    for (RecordedRun.JobEntry job : part) {
      out.add(RunResults.harvest(job, harvester));
    }
    return out;
  }

  /**
   * Two even on one core: the reads wait on the disk (or a network mount) more than they compute.
   * More than four only queue on the same disk.
   */
  private static int threads() {
    return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, "hydra4j-job-reads");
          thread.setDaemon(true); // a read hung on a dead network mount must not hold exit
          return thread;
        });
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the jobs' files", e);
    }
  }
}
