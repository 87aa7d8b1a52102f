package dev.hydra4j.launch.local;

import dev.hydra4j.run.Liveness;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A job's process and everything it started. Signals go to the whole tree because a job is often a
 * shell or a Python script whose real work runs in a child: SIGTERM to the parent alone would leave
 * the child running and holding the job's output open.
 *
 * <p>The descendants are listed before signalling and remembered: once a parent dies its children
 * are re-parented to init and can no longer be found from it.
 */
final class ProcessTree {

  private final Process root;
  private final Set<ProcessHandle> known = new LinkedHashSet<>();

  ProcessTree(Process root) {
    this.root = root;
  }

  /** SIGTERM to the process and all its descendants. */
  void terminate() {
    refresh();
    root.destroy();
    known.forEach(ProcessHandle::destroy);
  }

  /** SIGKILL to the process and all its descendants, including ones seen earlier. */
  void kill() {
    refresh();
    root.destroyForcibly();
    known.forEach(ProcessHandle::destroyForcibly);
  }

  /** True when the process and every descendant seen so far have exited. */
  boolean allDead() {
    return !Liveness.isRunning(root.toHandle()) && known.stream().noneMatch(Liveness::isRunning);
  }

  private void refresh() {
    if (root.isAlive()) {
      // ProcessHandle checks a process's start time before signalling it, so a remembered
      // pid that was reused by an unrelated process is not hit.
      root.descendants().forEach(known::add);
    }
  }
}
