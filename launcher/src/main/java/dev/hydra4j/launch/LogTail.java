package dev.hydra4j.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a log file, read from its end so a huge log costs no more than a small one. */
public final class LogTail {

  private static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_LINE_CHARS = 1000;

  private LogTail() {}

  /** Up to {@code n} last lines of {@code file}; empty when it is missing or unreadable. */
  /**
   * The last {@code maxBytes} bytes of {@code file} as text; bytes that are not UTF-8 (progress
   * bars, binary noise) become U+FFFD instead of failing the read.
   */
  public static String lastText(Path file, int maxBytes) throws IOException {
    byte[] bytes;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, maxBytes);
      bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  public static List<String> lastLines(Path file, int n) {
    String text;
    boolean cut;
    try {
      cut = java.nio.file.Files.size(file) > MAX_BYTES;
      text = lastText(file, MAX_BYTES);
    } catch (IOException e) {
      return List.of();
    }
    String[] lines = text.split("\n", -1);
    int end = lines.length;
    if (end > 0 && lines[end - 1].isEmpty()) {
      end--;
    }
    // The first line may be cut by the byte window; drop it unless the file was read whole.
    int from = Math.max(cut ? 1 : 0, end - n);
    List<String> tail = new ArrayList<>();
    for (int i = from; i < end; i++) {
      String line = lines[i];
      tail.add(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "…" : line);
    }
    return tail;
  }
}
