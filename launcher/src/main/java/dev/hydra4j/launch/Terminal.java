package dev.hydra4j.launch;

import java.io.Console;

/** Whether this JVM talks to a person at a terminal (prompts, live progress, widths). */
public final class Terminal {

  private Terminal() {}

  /**
   * The console when standard input and output are a terminal, otherwise {@code null}. From JDK 22
   * on, {@link System#console()} is never null, even in a pipe; there {@code isTerminal()} (JDK 22)
   * tells, called by reflection as hydra4j builds for Java 17.
   */
  @SuppressWarnings("SystemConsoleNull") // the check below is the JDK 17-21 answer
  public static Console console() {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    try {
      Object terminal = Console.class.getMethod("isTerminal").invoke(console);
      return Boolean.TRUE.equals(terminal) ? console : null;
    } catch (NoSuchMethodException e) {
      return console;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
