package dev.hydra4j.launch.slurm;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many jobs one array task runs ({@code jobs_per_task}) and how it shares its resources among
 * them: each running job gets its own slot, {@code cpusPerJob} of the task's CPUs (bound with
 * taskset) and {@code gpusPerJob} of its GPUs (through {@code CUDA_VISIBLE_DEVICES}); jobs beyond
 * the slots wait in the task until one frees. Without packing ({@code jobsPerTask} 1) a task is one
 * job with all the task's resources, as before.
 *
 * @param jobsPerTask jobs of the sweep per array task
 * @param cpusPerJob CPUs of one slot
 * @param gpusPerJob GPUs of one slot, 0 when the task asks for none
 * @param slots jobs of one task running at once
 */
record Packing(int jobsPerTask, int cpusPerJob, int gpusPerJob, int slots) {

  /** More jobs than this in one task is a sign of a typo (one bash per job runs on the node). */
  static final int MAX_JOBS_PER_TASK = 1000;

  static final Packing NONE = new Packing(1, 0, 0, 1);

  private static final Pattern GRES_GPUS =
      Pattern.compile("(?:^|,)gpu(?::[A-Za-z0-9_.-]+)?:(\\d+)");

  boolean packs() {
    return jobsPerTask > 1;
  }

  /** Array tasks that {@code jobs} jobs take. */
  int tasksFor(int jobs) {
    return (jobs + jobsPerTask - 1) / jobsPerTask;
  }

  /**
   * Reads and checks the packing settings against the task's resources.
   *
   * @throws ConfigException at the offending key, saying what would divide
   */
  static Packing of(Map<SlurmKey, Object> values, Map<SlurmKey, Origin> origins) {
    int k = intValue(values, SlurmKey.JOBS_PER_TASK, 1);
    if (k <= 1) {
      for (SlurmKey perJob : new SlurmKey[] {SlurmKey.CPUS_PER_JOB, SlurmKey.GPUS_PER_JOB}) {
        if (values.containsKey(perJob)) {
          throw new ConfigException(
              perJob.path() + " shares a task among its jobs, but jobs_per_task is 1",
              origins.get(perJob),
              "set "
                  + SlurmKey.JOBS_PER_TASK.path()
                  + " to the jobs one task runs, or "
                  + perJob.path()
                  + " to null");
        }
      }
      return NONE;
    }
    Origin where = origins.get(SlurmKey.JOBS_PER_TASK);
    if (k > MAX_JOBS_PER_TASK) {
      throw new ConfigException(
          SlurmKey.JOBS_PER_TASK.path()
              + "="
              + k
              + " is more than "
              + MAX_JOBS_PER_TASK
              + " jobs in one task (each runs in its own bash on one node)",
          where,
          "use at most " + MAX_JOBS_PER_TASK + "; more tasks run more jobs at once");
    }
    refuseSeveralTasks(values, origins);
    int cpus = intValue(values, SlurmKey.CPUS_PER_TASK, 1);
    int cpusPerJob = intValue(values, SlurmKey.CPUS_PER_JOB, Math.max(1, cpus / k));
    if (values.containsKey(SlurmKey.CPUS_PER_JOB) && cpus % cpusPerJob != 0) {
      throw new ConfigException(
          SlurmKey.CPUS_PER_JOB.path()
              + "="
              + cpusPerJob
              + " does not divide the task's "
              + SlurmKey.CPUS_PER_TASK.path()
              + "="
              + cpus
              + " into equal slices",
          origins.get(SlurmKey.CPUS_PER_JOB),
          dividingHint(SlurmKey.CPUS_PER_TASK, SlurmKey.CPUS_PER_JOB, cpus, cpusPerJob, k));
    }
    int gpus = taskGpus(values);
    int gpusPerJob = intValue(values, SlurmKey.GPUS_PER_JOB, gpus == 0 ? 0 : Math.max(1, gpus / k));
    if (values.containsKey(SlurmKey.GPUS_PER_JOB) && (gpus == 0 || gpus % gpusPerJob != 0)) {
      throw new ConfigException(
          SlurmKey.GPUS_PER_JOB.path()
              + "="
              + gpusPerJob
              + (gpus == 0
                  ? " but the task asks for no GPUs"
                  : " does not divide the task's " + gpus + " GPUs into equal slices"),
          origins.get(SlurmKey.GPUS_PER_JOB),
          gpus == 0
              ? "ask for GPUs per task, e.g. "
                  + SlurmKey.GPUS_PER_TASK.path()
                  + "="
                  + (long) gpusPerJob * k
              : dividingHint(SlurmKey.GPUS_PER_TASK, SlurmKey.GPUS_PER_JOB, gpus, gpusPerJob, k));
    }
    int slots = Math.min(k, Math.max(1, cpus / cpusPerJob));
    if (gpusPerJob > 0) {
      slots = Math.min(slots, Math.max(1, gpus / gpusPerJob));
    }
    return new Packing(k, cpusPerJob, gpusPerJob, slots);
  }

  /** Two ways out: a task of a multiple of the slice, or a slice that divides the task. */
  private static String dividingHint(
      SlurmKey total, SlurmKey perJob, int have, int slice, int jobsPerTask) {
    int up = Math.min(jobsPerTask, (have + slice - 1) / slice) * slice;
    int divisor = slice;
    while (have % divisor != 0) {
      divisor--;
    }
    return "e.g. "
        + total.path()
        + "="
        + up
        + " ("
        + up / slice
        + " job(s) at once), or "
        + perJob.path()
        + "="
        + divisor;
  }

  /** Packed jobs share one batch shell on one node: a job of several tasks cannot be sliced. */
  private static void refuseSeveralTasks(
      Map<SlurmKey, Object> values, Map<SlurmKey, Origin> origins) {
    for (SlurmKey several : new SlurmKey[] {SlurmKey.NODES, SlurmKey.TASKS_PER_NODE}) {
      if (intValue(values, several, 1) > 1) {
        throw new ConfigException(
            SlurmKey.JOBS_PER_TASK.path()
                + " packs jobs into one task on one node, which "
                + several.path()
                + "="
                + values.get(several)
                + " does not give",
            origins.get(several),
            "set " + several.path() + "=1, or jobs_per_task=1 for jobs of several tasks");
      }
    }
    Object srun = values.get(SlurmKey.SRUN_ARGS);
    if (srun instanceof List<?> args && !args.isEmpty()) {
      throw new ConfigException(
          SlurmKey.JOBS_PER_TASK.path()
              + " runs each job with its own CPU and GPU slice, which srun_args would replace",
          origins.get(SlurmKey.SRUN_ARGS),
          "set " + SlurmKey.SRUN_ARGS.path() + "=[] or jobs_per_task=1");
    }
  }

  /** The GPUs one task asks for: gpus_per_task, else gpus_per_node (one node), else gres gpu:N. */
  static int taskGpus(Map<SlurmKey, Object> values) {
    for (SlurmKey key : new SlurmKey[] {SlurmKey.GPUS_PER_TASK, SlurmKey.GPUS_PER_NODE}) {
      Object v = values.get(key);
      if (v != null) {
        String text = v.toString();
        return Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
      }
    }
    Object gres = values.get(SlurmKey.GRES);
    if (gres != null) {
      Matcher m = GRES_GPUS.matcher(gres.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return 0;
  }

  /** One line for the script and {@code --dry-run}: the packing and the slices. */
  String describe() {
    StringBuilder s =
        new StringBuilder()
            .append(jobsPerTask)
            .append(" jobs per task, ")
            .append(slots)
            .append(slots == 1 ? " at a time" : " at once")
            .append("; each job ")
            .append(cpusPerJob)
            .append(cpusPerJob == 1 ? " CPU" : " CPUs")
            .append(" (taskset)");
    if (gpusPerJob > 0) {
      s.append(" and ")
          .append(gpusPerJob)
          .append(gpusPerJob == 1 ? " GPU" : " GPUs")
          .append(" (CUDA_VISIBLE_DEVICES)");
    }
    return s.toString();
  }

  /**
   * Slot {@code slot}'s slice, by position in the task's CPU affinity list and in its {@code
   * CUDA_VISIBLE_DEVICES}, e.g. {@code slot 1: CPUs #2-3, GPU #1}.
   */
  String slice(int slot) {
    String cpus = range(slot * cpusPerJob, cpusPerJob);
    String text = "slot " + slot + ": " + (cpusPerJob == 1 ? "CPU " : "CPUs ") + cpus;
    if (gpusPerJob > 0) {
      text += ", " + (gpusPerJob == 1 ? "GPU " : "GPUs ") + range(slot * gpusPerJob, gpusPerJob);
    }
    return text;
  }

  private static String range(int from, int count) {
    return count == 1 ? "#" + from : "#" + from + "-" + (from + count - 1);
  }

  private static int intValue(Map<SlurmKey, Object> values, SlurmKey key, int otherwise) {
    Object v = values.get(key);
    return v instanceof Long n ? n.intValue() : otherwise;
  }
}
