package dev.hydra4j.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/** The JSON form of a {@link JobStatus}, as documented on {@link StatusFile}. */
final class StatusJson {

  static final JsonFactory FACTORY = new JsonFactory();

  private StatusJson() {}

  static byte[] write(JobStatus s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeNumberField("num", s.num());
      g.writeStringField("state", s.state().name());
      g.writeNumberField("attempt", s.attempt());
      if (s.exitCode() != null) {
        g.writeNumberField("exit_code", s.exitCode());
      } else {
        g.writeNullField("exit_code");
      }
      writeInstant(g, "start", s.start());
      writeInstant(g, "end", s.end());
      if (s.duration() != null) {
        g.writeFieldName("duration_s");
        g.writeNumber(seconds(s.duration()));
      }
      if (s.host() != null) {
        g.writeStringField("host", s.host());
      }
      if (s.pid() != null) {
        g.writeNumberField("pid", s.pid());
      }
      for (Map.Entry<String, String> e : s.extra().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }

  /** Seconds with millisecond precision, as a plain decimal ({@code 4.375}, not 4.375E0). */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  private static void writeInstant(JsonGenerator g, String name, Instant value) throws IOException {
    if (value != null) {
      // Milliseconds are plenty for a job and keep the file short and like bash's `date`.
      g.writeStringField(name, value.truncatedTo(ChronoUnit.MILLIS).toString());
    }
  }

  static JobStatus read(byte[] content, int defaultNum) throws IOException {
    Integer num = defaultNum >= 0 ? defaultNum : null;
    JobState state = null;
    Integer exitCode = null;
    Instant start = null;
    Instant end = null;
    Duration duration = null;
    String host = null;
    Long pid = null;
    int attempt = 0;
    Map<String, String> extra = new TreeMap<>();
    try (JsonParser p = FACTORY.createParser(content)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken token = p.nextToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        if (token == JsonToken.VALUE_NULL) {
          continue;
        }
        String text = p.getText();
        switch (name) {
          case "num" -> num = (int) longValue(name, text);
          case "state" -> {
            state = JobState.parse(text);
            if (state == null) {
              throw new IllegalArgumentException("unknown state '" + text + "'");
            }
          }
          case "exit_code" -> exitCode = (int) longValue(name, text);
          case "start" -> start = instant(text);
          case "end" -> end = instant(text);
          case "duration_s" -> duration = secondsValue(name, text);
          case "host" -> host = text;
          case "pid" -> pid = longValue(name, text);
          case "attempt" -> attempt = (int) longValue(name, text);
          default -> extra.put(name, text);
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new IllegalArgumentException("unexpected " + p.currentToken());
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("text after the JSON object");
      }
    }
    if (state == null) {
      throw new IllegalArgumentException("no \"state\" field");
    }
    if (num == null) {
      throw new IllegalArgumentException("no \"num\" field");
    }
    return new JobStatus(num, state, exitCode, start, end, duration, host, pid, attempt, extra);
  }

  private static long longValue(String name, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not an integer: '" + text + "'");
    }
  }

  private static Duration secondsValue(String name, String text) {
    try {
      BigDecimal s = new BigDecimal(text.strip());
      return Duration.ofNanos(s.movePointRight(9).longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not a number: '" + text + "'");
    }
  }

  /**
   * {@code 2025-01-31T12:00:00.125Z}, the form hydra4j writes, read without a DateTimeFormatter
   * (ten times faster; a 20,000-job status reads 40,000 instants); {@code null} for any other form.
   */
  private static Instant plainUtc(String t) {
    int n = t.length();
    if (n < 20
        || t.charAt(n - 1) != 'Z'
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (t.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
        return null;
      }
      int digits = digits(t, 20, n - 1);
      if (digits < 0) {
        return null;
      }
      nanos = digits;
      for (int i = n - 21; i < 9; i++) {
        nanos *= 10;
      }
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    try {
      long days = java.time.LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static Instant instant(String text) {
    String t = text.strip();
    if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && !t.contains("-")) {
      // Epoch seconds, as bash gives them with `date +%s` or $EPOCHREALTIME.
      BigDecimal s = new BigDecimal(t);
      return Instant.ofEpochSecond(0, s.movePointRight(9).longValue());
    }
    Instant fast = plainUtc(t);
    if (fast != null) {
      return fast;
    }
    if (t.endsWith("Z") || t.endsWith("z")) {
      return Instant.parse(t.substring(0, t.length() - 1) + "Z");
    }
    return OffsetDateTime.parse(t).toInstant();
  }
}
