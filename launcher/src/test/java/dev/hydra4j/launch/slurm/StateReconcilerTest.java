package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.slurm.StateReconciler.Outcome;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateReconcilerTest {

  private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

  /** What the array script of task 4 of array 100 writes. */
  private static JobStatus file(JobState state, Integer exit, String... more) {
    Map<String, String> extra = new HashMap<>();
    extra.put("slurm_array_job_id", "100");
    extra.put("slurm_array_task_id", "4");
    for (int i = 0; i < more.length; i += 2) {
      extra.put(more[i], more[i + 1]);
    }
    return new JobStatus(
        7,
        state,
        exit,
        T0,
        state.isTerminal() ? T0.plusSeconds(5) : null,
        null,
        "node1",
        42L,
        1,
        extra);
  }

  private static QueueEntry queued(SlurmState state, String text) {
    return new QueueEntry(SlurmJobId.ofTask(100, 4), 104, state, text, "None");
  }

  private static AccountingEntry accounted(SlurmState state, String text, String exit) {
    return new AccountingEntry(
        SlurmJobId.ofTask(100, 4), 104, state, text, ExitCode.parse(exit), Duration.ZERO);
  }

  private static Outcome reconcile(JobStatus file, JobRecord slurm) {
    return StateReconciler.reconcile(file, 100, 4, slurm);
  }

  @Test
  void aFileFromThisSubmissionWithAnEndIsBelieved() {
    JobStatus failed = file(JobState.FAILED, 1);
    Outcome o = reconcile(failed, accounted(SlurmState.FAILED, "FAILED", "1:0"));
    assertEquals(failed, o.status());
    assertFalse(o.record());
    JobStatus done = file(JobState.COMPLETED, 0);
    assertEquals(done, reconcile(done, queued(SlurmState.CANCELLED, "CANCELLED")).status());
  }

  @Test
  void aPrunedJobStaysPrunedThoughSlurmSaysCancelled() {
    JobStatus pruned = file(JobState.PRUNED, null);
    Outcome o = reconcile(pruned, accounted(SlurmState.CANCELLED, "CANCELLED by 0", "0:15"));
    assertEquals(pruned, o.status());
    assertFalse(o.record());
  }

  @Test
  void aPackedJobKeepsItsOwnEndWhateverItsTaskDidAfter() {
    JobStatus failed = file(JobState.FAILED, 1, "jobs_per_task", "10");
    assertEquals(
        failed, reconcile(failed, accounted(SlurmState.TIMEOUT, "TIMEOUT", "0:15")).status());
    // Requeued after this job completed: the task runs again, this job does not.
    JobStatus done = file(JobState.COMPLETED, 0, "jobs_per_task", "10");
    Outcome o = reconcile(done, queued(SlurmState.PENDING, "PENDING"));
    assertEquals(done, o.status());
    assertFalse(o.record());
    // Killed by the kernel when the task ran out of memory: the task's verdict is the job's.
    JobStatus killed = file(JobState.FAILED, 137, "jobs_per_task", "10");
    assertEquals(
        JobState.OUT_OF_MEMORY,
        reconcile(killed, accounted(SlurmState.OUT_OF_MEMORY, "OUT_OF_MEMORY", "0:125"))
            .status()
            .state());
    // Unpacked, the same FAILED file takes the task's TIMEOUT (its exit may be the kill's).
    assertEquals(
        JobState.TIMEOUT,
        reconcile(file(JobState.FAILED, 1), accounted(SlurmState.TIMEOUT, "TIMEOUT", "0:15"))
            .status()
            .state());
  }

  @Test
  void aPackedJobNotStartedInItsRunningTaskIsPending() {
    JobRecord running = queued(SlurmState.RUNNING, "RUNNING");
    JobStatus before = JobStatus.pending(7);
    assertEquals(
        JobState.PENDING,
        StateReconciler.reconcile(before, 100, 4, running, true, true).status().state());
    assertEquals(
        JobState.RUNNING,
        StateReconciler.reconcile(before, 100, 4, running, true, false).status().state());
  }

  @Test
  void slurmsOutsideVerdictOverridesTheFilesGuess() {
    Outcome o =
        reconcile(
            file(JobState.FAILED, 137),
            accounted(SlurmState.OUT_OF_MEMORY, "OUT_OF_MEMORY", "0:125"));
    assertEquals(JobState.OUT_OF_MEMORY, o.status().state());
    assertEquals(137, o.status().exitCode());
    assertEquals(T0, o.status().start());
    assertEquals("OUT_OF_MEMORY", o.status().extra().get("slurm_state"));
    assertTrue(o.record());
  }

  @Test
  void aTaskThatDiedWithoutWritingTakesSlurmsState() {
    Outcome o =
        reconcile(
            file(JobState.RUNNING, null), accounted(SlurmState.NODE_FAIL, "NODE_FAIL", "0:9"));
    assertEquals(JobState.NODE_FAIL, o.status().state());
    assertEquals(137, o.status().exitCode());
    assertEquals("node1", o.status().host());
    assertEquals(1, o.status().attempt());
    assertTrue(o.record());
  }

  @Test
  void aTaskCancelledWhilePendingNeverRan() {
    JobStatus none = JobStatus.pending(7);
    Outcome o = reconcile(none, accounted(SlurmState.CANCELLED, "CANCELLED by 0", "0:0"));
    assertEquals(JobState.CANCELLED, o.status().state());
    assertNull(o.status().exitCode());
    assertEquals(0, o.status().attempt());
    assertEquals("100", o.status().extra().get("slurm_array_job_id"));
    assertTrue(o.record());
  }

  @Test
  void aStatusFromAnEarlierSubmissionDoesNotCount() {
    JobStatus old =
        new JobStatus(
            7,
            JobState.FAILED,
            1,
            T0,
            T0,
            null,
            "n",
            1L,
            1,
            Map.of("slurm_array_job_id", "90", "slurm_array_task_id", "4"));
    Outcome pending = reconcile(old, queued(SlurmState.PENDING, "PENDING"));
    assertEquals(JobState.PENDING, pending.status().state());
    assertEquals(1, pending.status().attempt());
    assertFalse(pending.record());
    Outcome nothingYet = reconcile(old, null);
    assertEquals(JobState.PENDING, nothingYet.status().state());
    assertFalse(nothingYet.unknown());
  }

  @Test
  void aRequeuedTimeoutWaitsAgain() {
    JobStatus requeued = file(JobState.TIMEOUT, 143, "requeued", "true");
    Outcome o = reconcile(requeued, queued(SlurmState.PENDING, "PENDING"));
    assertEquals(JobState.PENDING, o.status().state());
    assertFalse(o.record());
    assertEquals(requeued, reconcile(requeued, queued(SlurmState.TIMEOUT, "TIMEOUT")).status());
  }

  @Test
  void aPendingTaskSlurmNoLongerListsWasCancelled() {
    // scancel 100_4 while it waits: squeue and sacct drop the task, and list its siblings.
    Outcome o = StateReconciler.reconcile(JobStatus.pending(7), 100, 4, null, true, false);
    assertEquals(JobState.CANCELLED, o.status().state());
    assertEquals("not known to SLURM", o.status().extra().get("slurm_state"));
    assertNull(o.status().exitCode());
    assertTrue(o.record());
    // Without any record of the array, nothing is concluded.
    assertEquals(
        JobState.PENDING,
        StateReconciler.reconcile(JobStatus.pending(7), 100, 4, null, false, false)
            .status()
            .state());
  }

  @Test
  void aTaskSlurmRequeuedAfterItsFileEndedIsPendingAgain() {
    // A node failure with --requeue: the script recorded CANCELLED as SLURM stopped it.
    for (JobState ended :
        new JobState[] {JobState.CANCELLED, JobState.NODE_FAIL, JobState.FAILED}) {
      Outcome o = reconcile(file(ended, 143), queued(SlurmState.PENDING, "PENDING"));
      assertEquals(JobState.PENDING, o.status().state(), ended.toString());
      assertEquals("true", o.status().extra().get("requeued"));
      assertFalse(o.record());
      assertEquals(1, o.status().attempt());
    }
  }

  @Test
  void slurmRequeueingARunningTaskMakesItPending() {
    Outcome o = reconcile(file(JobState.RUNNING, null), queued(SlurmState.PENDING, "PENDING"));
    assertEquals(JobState.PENDING, o.status().state());
  }

  @Test
  void aRunningTaskSlurmForgotIsFlagged() {
    Outcome o = reconcile(file(JobState.RUNNING, null), null);
    assertEquals(JobState.RUNNING, o.status().state());
    assertTrue(o.unknown());
    assertFalse(o.record());
  }
}
