package dev.hydra4j.launch.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a launch's jobs become array jobs: one group per distinct {@link SlurmSettings} (in order of
 * first appearance), each cut into arrays that SLURM accepts — no more tasks than the cluster's
 * MaxArraySize (or {@code max_array_size}), and a script of reasonable size. The arrays of one
 * group run one after another ({@code afterany}), so together they still keep the group's {@code
 * array_parallelism}.
 *
 * @param settings the resources every task of the array asks for
 * @param tasks the jobs, in table order: task index = position, or position / {@code jobs_per_task}
 *     when packed
 * @param afterPrevious whether the array waits for the one before it (same group)
 */
record ArrayPlan(SlurmSettings settings, List<ArrayScript.Task> tasks, boolean afterPrevious) {

  /**
   * SLURM refuses scripts over its max_script_size (4 MB by default); a task's table entry is some
   * hundreds of bytes, so arrays are cut well before.
   */
  static final int MAX_TABLE_BYTES = 2 << 20;

  ArrayPlan {
    tasks = List.copyOf(tasks);
  }

  /** The number of array tasks. */
  int taskCount() {
    return settings.packing().tasksFor(tasks.size());
  }

  /**
   * @param maxArraySize the cluster's MaxArraySize: task indices must stay below it
   */
  static List<ArrayPlan> of(
      List<SlurmSettings> settings, List<ArrayScript.Task> tasks, int maxArraySize) {
    Map<SlurmSettings, List<ArrayScript.Task>> groups = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      groups.computeIfAbsent(settings.get(i), s -> new ArrayList<>()).add(tasks.get(i));
    }
    List<ArrayPlan> arrays = new ArrayList<>();
    for (Map.Entry<SlurmSettings, List<ArrayScript.Task>> group : groups.entrySet()) {
      SlurmSettings s = group.getKey();
      int limit =
          Math.max(
              1,
              s.maxArraySize() == null ? maxArraySize : Math.min(maxArraySize, s.maxArraySize()));
      // The limits count array tasks; a packed task holds jobs_per_task jobs.
      long jobLimit = (long) limit * s.packing().jobsPerTask();
      List<ArrayScript.Task> members = group.getValue();
      int from = 0;
      while (from < members.size()) {
        int to = from;
        long bytes = 0;
        while (to < members.size()
            && to - from < jobLimit
            && (to == from || bytes + entryBytes(members.get(to)) <= MAX_TABLE_BYTES)) {
          bytes += entryBytes(members.get(to));
          to++;
        }
        arrays.add(new ArrayPlan(s, members.subList(from, to), from > 0));
        from = to;
      }
    }
    return arrays;
  }

  /** About what a task's line in the table costs. */
  private static long entryBytes(ArrayScript.Task task) {
    long n =
        120
            + 2L * task.job().jobDir().toString().length()
            + task.job().workingDir().toString().length();
    for (String word : task.job().argv()) {
      n += word.length() + 3;
    }
    for (Map.Entry<String, String> e : task.job().env().entrySet()) {
      n += e.getKey().length() + e.getValue().length() + 4;
    }
    return n;
  }
}
