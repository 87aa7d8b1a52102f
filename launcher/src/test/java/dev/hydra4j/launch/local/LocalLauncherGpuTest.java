package dev.hydra4j.launch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.launch.JobSpec;
import dev.hydra4j.launch.SweepResult;
import dev.hydra4j.run.JobState;
import dev.hydra4j.run.SweepState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU slots with real processes and made-up device ids: every job records the {@code
 * CUDA_VISIBLE_DEVICES} it was given and when it ran, and no two jobs that ran at the same time may
 * have shared an id. The first jobs wait until as many have started as there are slots, so every
 * slot is in use at once whatever the machine's speed.
 */
class LocalLauncherGpuTest {

  @TempDir Path root;

  /**
   * $1 = the sweep dir, $2 = jobs to wait for. Appends "devices start end" per attempt to ran.txt
   * in its own directory; fails (exit 3) if the others never start.
   */
  private static final String RECORDING =
      "start=$(date +%s%N); touch \"$1/started.$$\"; i=0;"
          + " while [ $(ls \"$1\" | grep -c '^started\\.') -lt $2 ]; do"
          + "   i=$((i+1)); [ $i -lt 600 ] || exit 3; sleep 0.05; done;"
          + " sleep 0.1; echo \"$CUDA_VISIBLE_DEVICES $start $(date +%s%N)\" >> ran.txt";

  /** One attempt of one job, as it recorded itself. */
  private record Ran(int num, Set<String> devices, long start, long end) {
    boolean overlaps(Ran other) {
      return start < other.end && other.start < end;
    }
  }

  private List<JobSpec> jobs(SweepFixture sweep, int count, int waitFor, String extra) {
    List<JobSpec> jobs = new ArrayList<>();
    for (int num = 0; num < count; num++) {
      JobSpec job = sweep.shell(num, RECORDING + extra, sweep.sweepDir.toString(), "" + waitFor);
      // Each job in its own directory, so that ran.txt is its own.
      jobs.add(
          new JobSpec(
              num, job.jobDir(), job.argv(), job.env(), job.jobDir(), null, job.launcher()));
    }
    return jobs;
  }

  private static List<Ran> ran(SweepFixture sweep, int count) throws IOException {
    List<Ran> all = new ArrayList<>();
    for (int num = 0; num < count; num++) {
      for (String line : Files.readAllLines(sweep.jobDir(num).resolve("ran.txt"))) {
        String[] f = line.split(" ");
        all.add(new Ran(num, Set.of(f[0].split(",")), Long.parseLong(f[1]), Long.parseLong(f[2])));
      }
    }
    return all;
  }

  private static void assertNoSharedGpuAtOnce(List<Ran> all, int slots) {
    for (int i = 0; i < all.size(); i++) {
      Ran a = all.get(i);
      // The most jobs running at once is reached at some job's start.
      int atItsStart = 0;
      for (int j = 0; j < all.size(); j++) {
        Ran b = all.get(j);
        if (b.start() <= a.start() && a.start() < b.end()) {
          atItsStart++;
        }
        if (i != j && a.overlaps(b)) {
          Set<String> shared = new HashSet<>(a.devices());
          shared.retainAll(b.devices());
          assertTrue(shared.isEmpty(), a + " and " + b + " ran at once on " + shared);
        }
      }
      assertTrue(
          atItsStart <= slots, atItsStart + " jobs ran at once, " + slots + " slots: " + all);
    }
  }

  @Test
  void jobsRunningAtOnceNeverShareAGpuAndEverySlotIsUsed() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    Files.createDirectories(sweep.sweepDir);
    GpuSlots gpus = GpuSlots.of(List.of(7L, 3L, 5L, 9L), 1, null);

    // n_jobs=8 is capped at the 4 slots: the first 4 jobs wait for one another.
    SweepResult result = new LocalLauncher(8, gpus).launch(jobs(sweep, 10, 4, ""), sweep.options());

    assertEquals(0, result.exitCode());
    List<Ran> all = ran(sweep, 10);
    assertEquals(10, all.size());
    assertNoSharedGpuAtOnce(all, 4);
    Set<String> used = new TreeSet<>();
    all.forEach(r -> used.addAll(r.devices()));
    assertEquals(new TreeSet<>(List.of("3", "5", "7", "9")), used);
    for (Ran r : all) {
      assertEquals(1, r.devices().size(), r.toString());
      // status.json and the journal say which GPU the job had
      assertEquals(
          String.join(",", r.devices()),
          sweep.statusFile(r.num()).extra().get(GpuSlots.STATUS_FIELD));
      assertEquals(
          String.join(",", r.devices()), sweep.status(r.num()).extra().get(GpuSlots.STATUS_FIELD));
    }
    String log = Files.readString(sweep.sweepDir.resolve("launcher.log"));
    assertTrue(log.contains("4 GPU slot(s): [7] [3] [5] [9]"), log);
  }

  @Test
  void aJobGetsGpusPerJobIdsAsACommaList() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    Files.createDirectories(sweep.sweepDir);
    GpuSlots gpus = GpuSlots.of(List.of(0L, 1L, 2L, 3L, 4L), 2, null);

    SweepResult result = new LocalLauncher(4, gpus).launch(jobs(sweep, 6, 2, ""), sweep.options());

    assertEquals(0, result.exitCode());
    List<Ran> all = ran(sweep, 6);
    assertNoSharedGpuAtOnce(all, 2);
    Set<Set<String>> seen = new HashSet<>();
    all.forEach(r -> seen.add(r.devices()));
    // 4 is left over: two slots of two
    assertEquals(Set.of(Set.of("0", "1"), Set.of("2", "3")), seen);
    assertTrue(Files.readString(sweep.jobDir(0).resolve("stdout.log")).isEmpty());
  }

  @Test
  void aRetryKeepsItsSlotAndAResumeGetsOneFromTheNewPool() throws Exception {
    SweepFixture sweep = new SweepFixture(root);
    Files.createDirectories(sweep.sweepDir);
    GpuSlots gpus = GpuSlots.of(List.of(4L, 6L), 1, null);
    // Each job fails its first two runs (its ran.txt has fewer than 3 lines after it).
    String flaky = "; [ $(wc -l < ran.txt) -ge 3 ]";
    List<JobSpec> jobs = jobs(sweep, 3, 2, flaky);

    SweepResult first = new LocalLauncher(2, gpus).launch(jobs, sweep.options().withRetries(1));

    assertEquals(1, first.exitCode());
    List<Ran> all = ran(sweep, 3);
    assertNoSharedGpuAtOnce(all, 2);
    for (int num = 0; num < 3; num++) {
      int job = num;
      List<Ran> attempts = all.stream().filter(r -> r.num() == job).toList();
      assertEquals(2, attempts.size(), attempts.toString());
      assertEquals(attempts.get(0).devices(), attempts.get(1).devices(), "the retry's slot");
      assertEquals(JobState.FAILED, sweep.status(num).state());
    }

    SweepState previous = SweepState.read(sweep.sweepDir);
    SweepResult resumed =
        new LocalLauncher(2, gpus).launch(jobs, sweep.options().withPrevious(previous));

    assertEquals(0, resumed.exitCode());
    List<Ran> again = ran(sweep, 3);
    assertEquals(9, again.size());
    assertNoSharedGpuAtOnce(again, 2);
    for (int num = 0; num < 3; num++) {
      assertEquals(3, sweep.status(num).attempt());
      String had = sweep.status(num).extra().get(GpuSlots.STATUS_FIELD);
      assertTrue(Set.of("4", "6").contains(had), had);
    }
  }
}
