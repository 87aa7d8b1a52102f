package dev.hydra4j.launch.local;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The least a JVM can do to run N commands two at a time with their output drained: the floor the
 * benchmark compares {@link LocalLauncher} with, to separate the launcher's own cost from the JDK's
 * process start. Prints {@code launch_seconds}.
 */
public final class SpawnFloorMain {

  private SpawnFloorMain() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    AtomicInteger next = new AtomicInteger();
    ExecutorService drains = Executors.newCachedThreadPool();
    long t0 = System.nanoTime();
    Thread[] workers = new Thread[2];
    for (int w = 0; w < workers.length; w++) {
      workers[w] =
          new Thread(
              () -> {
                while (next.getAndIncrement() < n) {
                  try {
                    Process p =
                        new ProcessBuilder("true")
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
                    Future<?> out = drains.submit(() -> drain(p, true));
                    Future<?> err = drains.submit(() -> drain(p, false));
                    p.waitFor();
                    out.get();
                    err.get();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
      workers[w].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    System.out.printf(
        java.util.Locale.ROOT, "launch_seconds %.3f%n", (System.nanoTime() - t0) / 1e9);
    drains.shutdown();
  }

  private static Void drain(Process p, boolean stdout) throws IOException {
    (stdout ? p.getInputStream() : p.getErrorStream()).transferTo(OutputStream.nullOutputStream());
    return null;
  }
}
