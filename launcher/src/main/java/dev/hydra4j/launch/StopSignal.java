package dev.hydra4j.launch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A request to stop a launch, counted: the first asks for a graceful stop (start nothing new,
 * SIGTERM the running jobs, SIGKILL them after the grace period), the second for an immediate one
 * (SIGKILL now). Fed by {@link SigintHandler} or called directly.
 */
public final class StopSignal {

  private final AtomicInteger requests = new AtomicInteger();
  private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();

  /** Requests a stop; returns how many have been requested so far. */
  public int request() {
    int n = requests.incrementAndGet();
    for (IntConsumer listener : listeners) {
      listener.accept(n);
    }
    return n;
  }

  /** How many stops have been requested. */
  public int requests() {
    return requests.get();
  }

  public boolean isRequested() {
    return requests.get() > 0;
  }

  /** True after the second request: kill without grace. */
  public boolean isImmediate() {
    return requests.get() >= 2;
  }

  /**
   * Calls {@code listener} with the request count on every request, on the requesting thread (for
   * SIGINT, the JVM's signal thread: keep it short). Returns what removes it.
   */
  public Runnable onRequest(IntConsumer listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
