package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.launch.StopSignal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a submission within the cluster's limit on jobs a user may have queued at once ({@code
 * MaxSubmitJobs} of an association, {@code MaxSubmitJobsPerUser} of a QOS, and their group forms).
 * SLURM counts every array task as a job and refuses a whole array that does not fit, so on such a
 * refusal the array is cut: half the tasks are tried, then a quarter, down to one; when even one is
 * refused, it waits until the user's queued jobs drain, then submits as many tasks as have ended
 * meanwhile. The wait polls squeue at a second, backing off to {@link #MAX_POLL}; a stop request
 * (Ctrl-C) ends it, and {@code resume} submits the rest.
 */
final class SubmitLimit {

  static final Duration FIRST_POLL = Duration.ofSeconds(1);
  static final Duration MAX_POLL = Duration.ofSeconds(30);

  /** What SLURM says when a submission would exceed a submit limit (22.05 and later). */
  private static final List<String> SIGNS =
      List.of("maxsubmitjob", "job submit limit", "submitjoblimit");

  private static final Pattern NAME = Pattern.compile("\\w*MaxSubmitJob\\w*");

  private final SlurmClient client;
  private final StopSignal stop;
  private final Consumer<String> say;
  private int room = Integer.MAX_VALUE;
  private boolean told;
  private long probePause = FIRST_POLL.toMillis();

  SubmitLimit(SlurmClient client, StopSignal stop, Consumer<String> say) {
    this.client = client;
    this.stop = stop;
    this.say = say;
  }

  /** Whether SLURM refused a submission because of a submit limit. */
  static boolean isLimit(ConfigException refusal) {
    String text = refusal.getMessage().toLowerCase(Locale.ROOT);
    return SIGNS.stream().anyMatch(text::contains);
  }

  /** How many of {@code wanted} tasks to submit next. */
  int next(int wanted) {
    return Math.max(1, Math.min(wanted, room));
  }

  /** The limit as SLURM's message names it, e.g. {@code QOSMaxSubmitJobPerUserLimit}. */
  static String named(ConfigException refusal) {
    Matcher m = NAME.matcher(refusal.getMessage());
    return m.find() ? m.group() : "MaxSubmitJobs";
  }

  /**
   * Called after SLURM refused {@code tried} tasks for the limit: halves what is tried next, or at
   * one task waits until queued jobs end. Returns early when a stop is requested.
   *
   * @param waiting how many jobs of the launch are still to be submitted, for the message
   * @param limit the limit's name, for the message
   */
  void refused(int tried, int waiting, String limit) {
    if (tried > 1) {
      room = tried / 2;
      return;
    }
    int before = client.queuedJobCount();
    if (!told) {
      told = true;
      say.accept(
          "hydra4j: SLURM's submit limit is reached ("
              + limit
              + "); "
              + waiting
              + " job(s) wait to be submitted as your queued jobs end (Ctrl-C stops here; hydra4j"
              + " resume submits the rest later)");
    }
    if (before == 0) {
      // None of ours is queued, so the limit counts others' jobs too (a group limit): try
      // again after a pause that grows from one refusal to the next.
      Pauses.pause(stop, probePause);
      probePause = Math.min(MAX_POLL.toMillis(), probePause * 3 / 2);
      room = 1;
      return;
    }
    long pause = FIRST_POLL.toMillis();
    int now = before;
    while (now >= before) {
      if (!Pauses.pause(stop, pause)) {
        return;
      }
      pause = Math.min(MAX_POLL.toMillis(), pause * 3 / 2);
      now = client.queuedJobCount();
    }
    room = Math.max(1, before - now);
  }
}
