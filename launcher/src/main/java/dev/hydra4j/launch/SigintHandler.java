package dev.hydra4j.launch;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Routes SIGINT (Ctrl-C) to a {@link StopSignal} instead of letting the JVM exit, so a launch can
 * stop its jobs, record their states and write its summary first. Install it around a launch and
 * close it afterwards, which restores the previous handler.
 *
 * <p>{@code sun.misc.Signal} is the only way to handle a signal in plain Java. It is in the {@code
 * jdk.unsupported} module, present and exported on every JDK since 9; it is reached by reflection
 * only so that compiling does not warn about an internal API on every build.
 */
public final class SigintHandler implements AutoCloseable {

  /**
   * SIGINT is Ctrl+C; SIGTERM and SIGHUP (a closed terminal, {@code kill}) must stop jobs the same
   * way, or the JVM would exit and leave them running with a stale RUNNING status.
   */
  private static final java.util.List<String> SIGNALS = java.util.List.of("INT", "TERM", "HUP");

  private final java.util.List<Object> signals;
  private final java.util.List<Object> previous;

  private SigintHandler(java.util.List<Object> signals, java.util.List<Object> previous) {
    this.signals = signals;
    this.previous = previous;
  }

  /**
   * Makes every SIGINT call {@link StopSignal#request()} on {@code stop}.
   *
   * @throws IllegalStateException when this JVM does not let SIGINT be handled (e.g. it runs with
   *     {@code -Xrs})
   */
  public static SigintHandler install(StopSignal stop) {
    try {
      Object handler = handlerFor(stop);
      java.util.List<Object> installed = new java.util.ArrayList<>();
      java.util.List<Object> before = new java.util.ArrayList<>();
      for (String name : SIGNALS) {
        Object signal =
            Class.forName("sun.misc.Signal").getConstructor(String.class).newInstance(name);
        try {
          before.add(handle(signal, handler));
          installed.add(signal);
        } catch (IllegalStateException e) {
          if (name.equals("INT")) {
            throw e;
          }
          // TERM/HUP reserved (e.g. -Xrs): Ctrl+C still works.
        }
      }
      return new SigintHandler(installed, before);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot handle SIGINT in this JVM: " + e, e);
    }
  }

  /**
   * A {@code sun.misc.SignalHandler} that requests {@code stop}, made the way javac makes a lambda:
   * a {@link java.lang.reflect.Proxy} would first define a dynamic module and generate a class (~8
   * ms of a single run's start).
   */
  private static Object handlerFor(StopSignal stop) throws ReflectiveOperationException {
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Class<?> signalType = Class.forName("sun.misc.Signal");
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodHandle onSignal =
        lookup.findStatic(
            SigintHandler.class,
            "onSignal",
            MethodType.methodType(void.class, StopSignal.class, Object.class));
    try {
      return LambdaMetafactory.metafactory(
              lookup,
              "handle",
              MethodType.methodType(handlerType, StopSignal.class),
              MethodType.methodType(void.class, signalType),
              onSignal,
              MethodType.methodType(void.class, signalType))
          .getTarget()
          .invoke(stop);
    } catch (Throwable e) { // LambdaConversionException, or anything invoke() may throw
      throw new IllegalStateException("cannot handle SIGINT in this JVM: " + e, e);
    }
  }

  /** The handler's body, reached through the method handle above. */
  @SuppressWarnings({"UnusedMethod", "UnusedVariable"})
  private static void onSignal(StopSignal stop, Object signal) {
    stop.request();
  }

  /** Restores the handler that was there before. */
  @Override
  public void close() {
    try {
      for (int i = 0; i < signals.size(); i++) {
        handle(signals.get(i), previous.get(i));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot restore the SIGINT handler: " + e, e);
    }
  }

  private static Object handle(Object signal, Object handler) throws ReflectiveOperationException {
    Class<?> signalType = Class.forName("sun.misc.Signal");
    Method handle =
        signalType.getMethod("handle", signalType, Class.forName("sun.misc.SignalHandler"));
    try {
      return handle.invoke(null, signal, handler);
    } catch (InvocationTargetException e) {
      // IllegalArgumentException: "Signal already used by VM or OS"
      throw new IllegalStateException(
          "cannot handle SIGINT in this JVM: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
