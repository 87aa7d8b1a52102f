package dev.hydra4j.launch.slurm;

import dev.hydra4j.launch.StopSignal;
import java.util.concurrent.TimeUnit;

/** Waiting that a stop request (Ctrl-C) cuts short. */
final class Pauses {

  private Pauses() {}

  /** Waits {@code millis}, or less when a stop is requested; returns false when one was. */
  static boolean pause(StopSignal stop, long millis) {
    Object wake = new Object();
    Runnable unlisten =
        stop.onRequest(
            n -> {
              synchronized (wake) {
                wake.notifyAll();
              }
            });
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      synchronized (wake) {
        // wait() may wake up early (spuriously): sleep again until the deadline.
        for (long left = millis;
            left > 0 && !stop.isRequested();
            left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
          wake.wait(left);
        }
      }
    } catch (InterruptedException e) {
      stop.request();
    } finally {
      unlisten.run();
    }
    return !stop.isRequested();
  }
}
