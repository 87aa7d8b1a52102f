package dev.hydra4j.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/** The line format of {@link SweepJournal}: a checksum, a space, a JSON status, a newline. */
final class JournalRecords {

  private static final int CRC_DIGITS = 8;
  private static final byte[] NUM_HEAD = "{\"num\":".getBytes(StandardCharsets.US_ASCII);

  private JournalRecords() {}

  /** The complete line for {@code status} of the job in {@code jobDir} (sweep-relative). */
  static byte[] line(JobStatus status, String jobDir) {
    byte[] json = StatusJson.write(status.withExtra(SweepJournal.JOB_DIR, jobDir));
    int length = json.length - 1; // without its newline
    byte[] line = new byte[CRC_DIGITS + 1 + json.length];
    // Eight lower-case hex digits, written out: a Formatter per record cost more than the CRC.
    long crc = crc(json, 0, length);
    for (int i = CRC_DIGITS - 1; i >= 0; i--) {
      line[i] = (byte) Character.forDigit((int) (crc & 0xF), 16);
      crc >>>= 4;
    }
    line[CRC_DIGITS] = ' ';
    System.arraycopy(json, 0, line, CRC_DIGITS + 1, json.length);
    return line;
  }

  /**
   * How many leading bytes of {@code bytes} end with a complete line: a last line without its
   * newline was torn by a crash while it was written. A damaged line before it stays; the reader
   * skips it by its checksum.
   */
  static long validLength(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i + 1L;
      }
    }
    return 0;
  }

  /**
   * The journal's content: each job's last record. Lines are read from the end, and only a job's
   * last record is parsed (its number is found without parsing: a record's JSON starts with it), so
   * a 20,000-job sweep costs 20,000 parses, not one per transition.
   */
  static SweepJournal.Contents parse(byte[] bytes, Path sweepDir) {
    Map<Integer, JobStatus> statuses = new TreeMap<>();
    Map<Integer, Path> dirs = new HashMap<>();
    Map<String, Path> resolved = new HashMap<>();
    int damaged = 0;
    int end = bytes.length;
    boolean torn = end > 0 && bytes[end - 1] != '\n';
    if (torn) {
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
    }
    // [from, end) is a line without its newline
    while (end > 0) {
      int lineEnd = end - 1;
      int from = lineEnd;
      while (from > 0 && bytes[from - 1] != '\n') {
        from--;
      }
      end = from;
      if (from == lineEnd) {
        continue;
      }
      if (!checksumHolds(bytes, from, lineEnd)) {
        damaged++;
        continue;
      }
      int num = leadingNum(bytes, from + CRC_DIGITS + 1, lineEnd);
      if (num >= 0 && statuses.containsKey(num)) {
        continue; // an earlier transition of a job whose last one is read
      }
      JobStatus status = status(bytes, from, lineEnd);
      if (status == null || statuses.containsKey(status.num())) {
        damaged += status == null ? 1 : 0;
        continue;
      }
      String dir = status.extra().get(SweepJournal.JOB_DIR);
      JobStatus plain = withoutDir(status);
      statuses.put(plain.num(), plain);
      if (dir != null) {
        dirs.put(plain.num(), resolved.computeIfAbsent(dir, d -> sweepDir.resolve(d)));
      }
    }
    return new SweepJournal.Contents(statuses, dirs, damaged, torn);
  }

  /** The number in a JSON text that starts <code>{"num":N,</code>, or -1. */
  private static int leadingNum(byte[] bytes, int from, int end) {
    byte[] head = NUM_HEAD;
    if (end - from <= head.length) {
      return -1;
    }
    for (int i = 0; i < head.length; i++) {
      if (bytes[from + i] != head[i]) {
        return -1;
      }
    }
    long num = 0;
    int i = from + head.length;
    for (; i < end && i - from - head.length < 10 && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
      num = num * 10 + (bytes[i] - '0');
    }
    return i < end && bytes[i] == ',' && i > from + head.length && num <= Integer.MAX_VALUE
        ? (int) num
        : -1;
  }

  private static JobStatus status(byte[] bytes, int from, int end) {
    try {
      return StatusJson.read(Arrays.copyOfRange(bytes, from + CRC_DIGITS + 1, end), -1);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static JobStatus withoutDir(JobStatus s) {
    Map<String, String> extra = new TreeMap<>(s.extra());
    extra.remove(SweepJournal.JOB_DIR);
    return new JobStatus(
        s.num(),
        s.state(),
        s.exitCode(),
        s.start(),
        s.end(),
        s.duration(),
        s.host(),
        s.pid(),
        s.attempt(),
        extra);
  }

  private static boolean checksumHolds(byte[] bytes, int from, int end) {
    if (end - from < CRC_DIGITS + 2 || bytes[from + CRC_DIGITS] != ' ') {
      return false;
    }
    long expected;
    try {
      expected = Long.parseLong(new String(bytes, from, CRC_DIGITS, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      return false;
    }
    return crc(bytes, from + CRC_DIGITS + 1, end) == expected;
  }

  private static long crc(byte[] bytes, int from, int end) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, end - from);
    return crc.getValue();
  }
}
