package dev.hydra4j.launch.slurm;

import dev.hydra4j.launch.LaunchOptions;
import dev.hydra4j.launch.LauncherLog;
import dev.hydra4j.launch.StateCounts;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.launch.SweepSummary;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --wait}: follows submitted jobs until every one has ended, showing progress as the local
 * launcher does. Each poll is one {@link SlurmSweepStatus} read (one squeue, one sacct); polls
 * start a second apart and back off to {@link #MAX_INTERVAL} while nothing changes. A stop request
 * (Ctrl-C) ends the following, not the jobs: they keep running in SLURM.
 */
final class SweepFollower {

  static final Duration FIRST_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

  private final SlurmClient client;
  private final LaunchOptions options;
  private final LauncherLog log;

  SweepFollower(SlurmClient client, LaunchOptions options, LauncherLog log) {
    this.client = client;
    this.options = options;
    this.log = log;
  }

  /**
   * @param jobDirs the jobs to follow, by number
   * @param failed jobs of this launch that ended before submission
   */
  SweepResult follow(Map<Integer, Path> jobDirs, List<JobStatus> failed, Instant started)
      throws IOException {
    Path sweepDir = options.sweepDir();
    Map<Integer, JobStatus> all = new TreeMap<>(options.previous().statuses());
    failed.forEach(s -> all.put(s.num(), s));
    jobDirs.keySet().forEach(num -> all.put(num, JobStatus.pending(num)));
    options.progress().start(counts(all));
    boolean interrupted = false;
    long interval = FIRST_INTERVAL.toMillis();
    while (true) {
      SlurmSweepStatus now = SlurmSweepStatus.read(sweepDir, jobDirs, client);
      now.recordFinalStates();
      boolean changed = false;
      boolean done = true;
      for (int num : jobDirs.keySet()) {
        JobStatus s = now.status(num);
        if (s.state() != all.get(num).state()) {
          all.put(num, s);
          changed = true;
          options.progress().update(s, counts(all));
          log.event("job " + num + " " + s.state() + " (" + now.slurmId(num) + ")");
        }
        done &= s.state().isTerminal() || now.unknownToSlurm().contains(num);
      }
      if (done) {
        break;
      }
      if (options.stop().isRequested()) {
        interrupted = true;
        options
            .progress()
            .message(
                "hydra4j: stopped following; the jobs keep running in SLURM:"
                    + " hydra4j status "
                    + sweepDir
                    + " shows them, hydra4j kill "
                    + sweepDir
                    + " cancels them");
        log.event("stopped following on request; jobs left to SLURM");
        break;
      }
      interval =
          changed
              ? Math.max(FIRST_INTERVAL.toMillis(), interval / 2)
              : Math.min(MAX_INTERVAL.toMillis(), interval * 3 / 2);
      Pauses.pause(options.stop(), interval);
    }
    options.progress().finish(counts(all));
    SweepResult result = SweepResult.of(new ArrayList<>(all.values()), interrupted);
    if (interrupted) {
      result = result.asDetached(); // no longer followed: its jobs go on in SLURM
    }
    Map<Integer, Path> dirs = new HashMap<>(jobDirs);
    SweepSummary.write(
        sweepDir,
        result,
        started,
        Instant.now(),
        num -> dirs.getOrDefault(num, options.previous().jobDir(num)));
    log.event(
        "end: "
            + result.counts().describe()
            + (interrupted ? ", no longer followed" : "")
            + "; exit code "
            + result.exitCode());
    return result;
  }

  static StateCounts counts(Map<Integer, JobStatus> all) {
    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    all.values().forEach(s -> counts.merge(s.state(), 1, Integer::sum));
    return new StateCounts(all.size(), counts);
  }

  /** {@code 0-9, 12, 15-17}: job numbers as short ranges. */
  static String describeNums(Collection<Integer> nums) {
    StringBuilder out = new StringBuilder();
    Integer first = null;
    Integer last = null;
    for (int n : new TreeSet<>(nums)) {
      if (last != null && n == last + 1) {
        last = n;
        continue;
      }
      appendRange(out, first, last);
      first = n;
      last = n;
    }
    appendRange(out, first, last);
    return out.toString();
  }

  private static void appendRange(StringBuilder out, Integer first, Integer last) {
    if (first == null) {
      return;
    }
    if (out.length() > 0) {
      out.append(", ");
    }
    out.append(first);
    if (!last.equals(first)) {
      out.append('-').append(last);
    }
  }
}
