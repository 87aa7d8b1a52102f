package dev.hydra4j.run;

import java.nio.file.Path;

/** Rewrites a file with {@link AtomicFiles} forever, for the kill test. */
public final class AtomicWriterMain {

  private AtomicWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    for (int i = 0; ; i++) {
      AtomicFiles.write(
          file, version(i).getBytes(java.nio.charset.StandardCharsets.UTF_8), i % 2 == 0);
    }
  }

  /** Version {@code i}: a header, a body of varying length, and a footer that repeats i. */
  static String version(int i) {
    int length = 100 + (i * 7919) % 60_000;
    return "begin " + i + "\n" + "x".repeat(length) + "\nend " + i + " " + length + "\n";
  }

  static boolean isWhole(String text) {
    if (!text.startsWith("begin ")) {
      return false;
    }
    int i = Integer.parseInt(text.substring(6, text.indexOf('\n')));
    return text.equals(version(i));
  }
}
