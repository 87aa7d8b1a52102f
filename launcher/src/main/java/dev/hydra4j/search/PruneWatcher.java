package dev.hydra4j.search;

import dev.hydra4j.run.JobState;
import dev.hydra4j.run.PruneRequest;
import dev.hydra4j.run.StatusFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * Reads the curves of running trials twice a second and asks the launcher to stop those the pruner
 * gives up on (a {@link PruneRequest} in the job directory).
 */
final class PruneWatcher implements AutoCloseable {

  private static final long POLL_MILLIS = 500;

  private final Study study;
  private final Pruner pruner;
  private final Map<Integer, Path> jobDirs;
  private final Consumer<String> notice;
  private final Set<Integer> requested = new HashSet<>();
  private final Thread thread;
  private volatile boolean closed;

  PruneWatcher(Study study, Pruner pruner, Map<Integer, Path> jobDirs, Consumer<String> notice) {
    this.study = study;
    this.pruner = pruner;
    this.jobDirs = jobDirs;
    this.notice = notice;
    this.thread = new Thread(this::watch, "hydra4j-pruner");
    thread.setDaemon(true);
    if (!(pruner instanceof Pruner.None)) {
      thread.start();
    }
  }

  private void watch() {
    while (!closed) {
      try {
        Thread.sleep(POLL_MILLIS);
        poll();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | IOException e) {
        notice.accept("pruner: " + e);
      }
    }
  }

  void poll() throws IOException {
    List<Trial> running = new ArrayList<>();
    for (Trial t : study.trials()) {
      Path dir = jobDirs.get(t.number());
      if (t.state() == TrialState.RUNNING
          && dir != null
          && !requested.contains(t.number())
          && StatusFile.read(dir, t.number()).state() == JobState.RUNNING) {
        SortedMap<Long, Double> curve = TrialMetrics.curve(dir, study.objectives().get(0));
        running.add(study.withCurve(t.number(), curve));
      }
    }
    for (Trial t : running) {
      List<Trial> others = new ArrayList<>(study.trials());
      others.removeIf(o -> o.number() == t.number());
      if (pruner.shouldPrune(t, others)) {
        requested.add(t.number());
        String why =
            "trial "
                + t.number()
                + " pruned at step "
                + t.intermediate().lastKey()
                + " ("
                + study.objectives().get(0)
                + "="
                + t.intermediate().get(t.intermediate().lastKey())
                + ")";
        PruneRequest.request(jobDirs.get(t.number()), why);
        notice.accept(why);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
