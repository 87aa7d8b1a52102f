package dev.hydra4j.launch.slurm;

import dev.hydra4j.launch.StopSignal;

/** Waiting that a stop request (Ctrl-C) cuts short. */
final class Pauses {

  private Pauses() {}

  /** Waits {@code millis}, or less when a stop is requested; returns false when one was. */
  static boolean pause(StopSignal stop, long millis) {
    Object wake = new Object();
    Runnable unlisten = stop.onRequest(n -> {
      synchronized (wake) {
        wake.notifyAll();
      }
    });
    try {
      synchronized (wake) {
        if (!stop.isRequested()) {
          wake.wait(millis);
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
