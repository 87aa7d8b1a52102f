package dev.hydra4j.launch.slurm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The schema of {@code hydra/launcher=slurm}: every key the launcher accepts, what kind of value it
 * takes and which sbatch option it becomes. docs/slurm.md documents the same table for users.
 */
enum SlurmKey {
  NAME(Kind.NAME, null),
  JOB_NAME(Kind.TEXT, "--job-name"),
  PARTITION(Kind.NAMES, "--partition"),
  QOS(Kind.NAMES, "--qos"),
  ACCOUNT(Kind.NAMES, "--account"),
  COMMENT(Kind.TEXT, "--comment"),
  CONSTRAINT(Kind.FEATURES, "--constraint"),
  EXCLUDE(Kind.NODE_LIST, "--exclude"),
  NODES(Kind.COUNT, "--nodes"),
  TASKS_PER_NODE(Kind.COUNT, "--ntasks-per-node"),
  CPUS_PER_TASK(Kind.COUNT, "--cpus-per-task"),
  GPUS_PER_NODE(Kind.GPUS, "--gpus-per-node"),
  GRES(Kind.GRES, "--gres"),
  CPUS_PER_GPU(Kind.COUNT, "--cpus-per-gpu"),
  GPUS_PER_TASK(Kind.GPUS, "--gpus-per-task"),
  MEM_GB(Kind.GIGABYTES, "--mem"),
  MEM_PER_CPU(Kind.MEMORY, "--mem-per-cpu"),
  MEM_PER_GPU(Kind.MEMORY, "--mem-per-gpu"),
  TIMEOUT_MIN(Kind.MINUTES, "--time"),
  SIGNAL_DELAY_S(Kind.AMOUNT, "--signal"),
  MAX_NUM_TIMEOUT(Kind.AMOUNT, "--requeue"),
  ARRAY_PARALLELISM(Kind.COUNT, null),
  MAX_ARRAY_SIZE(Kind.COUNT, null),
  JOBS_PER_TASK(Kind.COUNT, null),
  CPUS_PER_JOB(Kind.COUNT, null),
  GPUS_PER_JOB(Kind.COUNT, null),
  SETUP(Kind.LINES, null),
  SRUN_ARGS(Kind.WORDS, null),
  ADDITIONAL_PARAMETERS(Kind.OPTIONS, null);

  /** What a key accepts; {@code null} always means "not set". */
  enum Kind {
    /** The launcher's own name, {@code slurm}. */
    NAME("the launcher's name, slurm"),
    /** One line of text (a number is taken as its text). */
    TEXT("one line of text"),
    /** SLURM names (partitions, QOS, accounts), comma-separated. */
    NAMES("a name of letters, digits, '_', '.' or '-' (several separated by commas)"),
    /** A node feature expression ({@code a100&ib}, {@code [rack1|rack2]}). */
    FEATURES("node features of letters, digits, '_', '.', '-' joined by & | , * ( ) [ ] !"),
    /** A node list ({@code node[1-3],gpu7}). */
    NODE_LIST("node names such as node7 or node[1-3], separated by commas"),
    /** Generic resources ({@code gpu:a100:2,shard:1}). */
    GRES("generic resources such as gpu:2 or gpu:a100:2, separated by commas"),
    /** A whole number of at least 1. */
    COUNT("a whole number of at least 1"),
    /** A whole number of at least 0. */
    AMOUNT("a whole number of at least 0"),
    /** A count, or SLURM's {@code type:count} ({@code a100:2}); 0 means none. */
    GPUS("a number of GPUs (e.g. 2) or type:count (e.g. a100:2)"),
    /** Gigabytes, possibly fractional. */
    GIGABYTES("a number of gigabytes greater than 0"),
    /** Megabytes as a number, or SLURM's size text ({@code 4G}, {@code 500M}). */
    MEMORY("megabytes (e.g. 4096) or a size with a unit (e.g. 4G, 500M)"),
    /** Minutes greater than 0, rounded up to whole minutes (SLURM's granularity). */
    MINUTES("minutes greater than 0"),
    /** Shell code, one complete command per item, run with eval in the task's shell. */
    LINES("a list of shell lines"),
    /** Words, each passed as one argument. */
    WORDS("a list of words"),
    /** A map of further sbatch options. */
    OPTIONS("a map of sbatch option name to value");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  final Kind kind;

  /** The sbatch option it becomes, or {@code null} when it shapes the script instead. */
  final String sbatchOption;

  SlurmKey(Kind kind, String sbatchOption) {
    this.kind = kind;
    this.sbatchOption = sbatchOption;
  }

  /** The key as written in the config, e.g. {@code cpus_per_task}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code hydra.launcher.cpus_per_task}. */
  String path() {
    return "hydra.launcher." + key();
  }

  /** The key for a config key, or {@code null} when the schema has none. */
  static SlurmKey of(String key) {
    for (SlurmKey k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    return null;
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(SlurmKey::key).toList();
  }
}
