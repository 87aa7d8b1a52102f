package dev.hydra4j.results;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A job's {@code .hydra/hydra.yaml} as {@link RuleSource} needs it: read into a buffer its thread
 * reuses, its {@code results:} block cut from the bytes, the whole text decoded only when the rules
 * must be parsed. A large sweep's {@code collect} reads 20,000 of these files: a new buffer and
 * string for each were a third of everything it allocated, and the collections they caused cost
 * more than the reads. It reads as {@link Files#readString} does: the same exceptions, and a file
 * that is not UTF-8 fails.
 *
 * <p>A text read from a file is valid until its thread reads the next one.
 */
final class HydraYamlText {

  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[16 * 1024]);
  private static final byte[] HEAD = "hydra:\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BLOCK = "\n  results:\n".getBytes(StandardCharsets.US_ASCII);

  private final byte[] bytes;
  private final int length;
  private final String decoded;

  private HydraYamlText(byte[] bytes, int length, String decoded) {
    this.bytes = bytes;
    this.length = length;
    this.decoded = decoded;
  }

  /** The text of {@code file}, with the exceptions of {@link Files#readString}. */
  static HydraYamlText read(Path file) throws IOException {
    byte[] buffer = BUFFER.get();
    int length = 0;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      int n;
      while ((n = in.read(buffer, length, buffer.length - length)) > 0) {
        length += n;
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
          BUFFER.set(buffer);
        }
      }
    } catch (FileNotFoundException e) {
      return of(Files.readString(file)); // missing, a directory, not readable: its own exception
    }
    for (int i = 0; i < length; i++) {
      if (buffer[i] < 0) {
        return of(Files.readString(file)); // not ASCII: decoded strictly, as before
      }
    }
    return new HydraYamlText(buffer, length, null);
  }

  static HydraYamlText of(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return new HydraYamlText(utf8, utf8.length, text);
  }

  /**
   * The text of the {@code results:} block under {@code hydra:} as hydra4j's YAML writer lays it
   * out (two-space indents); empty when the file has no such block; {@code null} when the file is
   * not laid out that way and must be parsed.
   */
  String resultsBlock() {
    if (!startsWith(HEAD, 0)) {
      return null;
    }
    int start = indexOfBlock();
    if (start < 0) {
      return "";
    }
    start++;
    int end = start + BLOCK.length - 1;
    while (end < length && indented(end)) {
      int nl = end;
      while (nl < length && bytes[nl] != '\n') {
        nl++;
      }
      end = nl < length ? nl + 1 : length;
    }
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  private boolean startsWith(byte[] part, int at) {
    if (at + part.length > length) {
      return false;
    }
    for (int i = 0; i < part.length; i++) {
      if (bytes[at + i] != part[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where {@link #BLOCK} first starts, or -1: compared from its end and moved on by {@link #SKIP},
   * so that most bytes of the file are never looked at (Horspool's search).
   */
  private int indexOfBlock() {
    int last = BLOCK.length - 1;
    for (int i = 0; i + last < length; i += SKIP[bytes[i + last] & 0xff]) {
      int j = last;
      while (j >= 0 && bytes[i + j] == BLOCK[j]) {
        j--;
      }
      if (j < 0) {
        return i;
      }
    }
    return -1;
  }

  /** For each byte, how far the search may move when it ends a window: from its last place. */
  private static final int[] SKIP = new int[256];

  static {
    Arrays.fill(SKIP, BLOCK.length);
    for (int j = 0; j < BLOCK.length - 1; j++) {
      SKIP[BLOCK[j] & 0xff] = BLOCK.length - 1 - j;
    }
  }

  /** Whether four spaces start at {@code at}: a line inside the block. */
  private boolean indented(int at) {
    return at + 4 <= length
        && bytes[at] == ' '
        && bytes[at + 1] == ' '
        && bytes[at + 2] == ' '
        && bytes[at + 3] == ' ';
  }

  /** The whole text. */
  @Override
  public String toString() {
    return decoded != null ? decoded : new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
