package dev.hydra4j.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process a RUNNING status names still runs on this machine. After the launcher was
 * killed, a status keeps saying RUNNING whatever became of the job: its process may live on (an
 * orphan) or be gone.
 */
public final class JobProcess {

  /** The environment variable that names a job's directory in its process. */
  public static final String JOB_DIR_VARIABLE = "HYDRA4J_JOB_DIR";

  private JobProcess() {}

  /** RUNNING on this machine, and the job's process is alive. */
  public static boolean stillRunning(JobStatus status, Path jobDir) {
    if (status.state() != JobState.RUNNING
        || status.pid() == null
        || !Host.name().equals(status.host())) {
      return false;
    }
    long pid = status.pid();
    if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty() || isZombie(pid)) {
      return false;
    }
    // Is it still our job, or did a later process get its pid? The job's own environment
    // says so for certain. Start times are the fallback: they compare the recorded wall
    // clock with one derived from the boot time, which a clock step can put seconds off.
    Boolean ours = hasJobDir(pid, jobDir);
    return ours != null ? ours : !SweepState.isAbandoned(status);
  }

  /** RUNNING on this machine, but nothing runs any more: nobody will record its end. */
  public static boolean abandoned(JobStatus status, Path jobDir) {
    return status.state() == JobState.RUNNING
        && status.pid() != null
        && Host.name().equals(status.host())
        && !stillRunning(status, jobDir);
  }

  /** Whether the process was started for {@code jobDir}, or {@code null} when unknown. */
  private static Boolean hasJobDir(long pid, Path jobDir) {
    byte[] environ;
    try {
      environ = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
    for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
      if (entry.startsWith(JOB_DIR_VARIABLE + "=")) {
        return sameFile(Path.of(entry.substring(JOB_DIR_VARIABLE.length() + 1)), jobDir);
      }
    }
    return false;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException | RuntimeException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /**
   * A process that has exited but not been reaped. An orphan's zombie lasts until init collects it
   * (seconds, in some containers), and Java counts it as alive.
   */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      int close = stat.lastIndexOf(')');
      return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
