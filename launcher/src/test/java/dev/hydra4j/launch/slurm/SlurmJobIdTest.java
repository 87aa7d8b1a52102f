package dev.hydra4j.launch.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlurmJobIdTest {

  private static List<Integer> tasks(SlurmJobId id) {
    return id.taskIds().boxed().toList();
  }

  @Test
  void plainJob() {
    SlurmJobId id = SlurmJobId.parse("3");
    assertEquals(3, id.jobId());
    assertFalse(id.isArray());
    assertEquals(List.of(), tasks(id));
    assertEquals("3", id.toString());
  }

  @Test
  void oneTask() {
    SlurmJobId id = SlurmJobId.parse("2_3");
    assertEquals(2, id.jobId());
    assertEquals(List.of(3), tasks(id));
    assertEquals(0, id.throttle());
    assertEquals("2_3", id.toString());
  }

  @Test
  void cancelledPendingRemainderIsOneRecordForSeveralTasks() {
    SlurmJobId id = SlurmJobId.parse("5_[1-3]");
    assertEquals(5, id.jobId());
    assertEquals(List.of(1, 2, 3), tasks(id));
    assertEquals(3, id.taskCount());
    assertTrue(id.containsTask(2));
    assertFalse(id.containsTask(0));
  }

  @Test
  void throttledRemainderKeepsItsLimit() {
    SlurmJobId id = SlurmJobId.parse("1_[2-9%2]");
    assertEquals(1, id.jobId());
    assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9), tasks(id));
    assertEquals(2, id.throttle());
    assertEquals("1_[2-9%2]", id.toString());
  }

  @Test
  void listsAndSteps() {
    assertEquals(List.of(1, 4, 5, 6), tasks(SlurmJobId.parse("7_[1,4-6]")));
    assertEquals(List.of(0, 5, 10), tasks(SlurmJobId.parse("7_[0-10:5]")));
    assertEquals(List.of(0, 5, 10), tasks(SlurmJobId.parse("7_[0-11:5%3]")));
  }

  @Test
  void squeueTaskColumn() {
    assertEquals(SlurmJobId.parse("2_[2-5%2]"), SlurmJobId.ofTaskSpec(2, "2-5%2"));
    assertEquals(SlurmJobId.ofTask(2, 1), SlurmJobId.ofTaskSpec(2, "1"));
    assertEquals(SlurmJobId.of(1), SlurmJobId.ofTaskSpec(1, "N/A"));
  }

  @Test
  void heterogeneousJobComponentIsDropped() {
    assertEquals(SlurmJobId.of(12), SlurmJobId.parse("12+1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "5_", "5_[]", "5_[3-1]", "5_[1-3", "5_[a]", "2_3.batch", "-1"})
  void rejectsWhatIsNoJobId(String text) {
    assertThrows(IllegalArgumentException.class, () -> SlurmJobId.parse(text));
  }

  @Test
  void printedIdsParseBackToTheSameTasks() {
    long seed = dev.hydra4j.Seeds.seed();
    System.out.println(
        "SlurmJobIdTest seed=" + seed + " (replay with -Dhydra4j.seed=" + seed + ")");
    Random random = new Random(seed);
    for (int round = 0; round < 500; round++) {
      List<SlurmJobId.TaskRange> ranges = new ArrayList<>();
      int next = random.nextInt(5);
      for (int r = 0, n = 1 + random.nextInt(4); r < n; r++) {
        int first = next + random.nextInt(3);
        int last = first + (random.nextBoolean() ? 0 : random.nextInt(20));
        int step = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 1;
        ranges.add(new SlurmJobId.TaskRange(first, last, step));
        next = last + 1;
      }
      SlurmJobId id = new SlurmJobId(1 + random.nextInt(100_000), ranges, random.nextInt(3));
      SlurmJobId back = SlurmJobId.parse(id.toString());
      assertEquals(tasks(id), tasks(back), "seed " + seed + ": " + id);
      assertEquals(id.throttle(), back.throttle(), "seed " + seed + ": " + id);
      assertEquals(id.jobId(), back.jobId(), "seed " + seed + ": " + id);
    }
  }
}
