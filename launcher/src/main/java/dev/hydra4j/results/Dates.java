package dev.hydra4j.results;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as people type and read them, in the local time zone (as run directories are named). */
final class Dates {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Dates() {}

  static String minute(Instant instant) {
    return MINUTE.format(instant.atZone(ZoneId.systemDefault()));
  }

  /** The first instant of {@code text}: a date (its midnight), a local date-time, an instant. */
  static Instant start(String text, String option) {
    return parse(text, option, false);
  }

  /** The last instant of {@code text}: a date means up to the end of that day. */
  static Instant end(String text, String option) {
    return parse(text, option, true);
  }

  private static Instant parse(String text, String option, boolean endOfDay) {
    String t = text.strip();
    ZoneId zone = ZoneId.systemDefault();
    try {
      if (t.length() == 10) {
        LocalDate date = LocalDate.parse(t);
        return endOfDay
            ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
            : date.atStartOfDay(zone).toInstant();
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(t).toInstant();
      }
      return LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new ConfigException(
          "Cannot read the date '" + text + "'",
          Origin.of(option + " " + text),
          "write 2026-01-31 or 2026-01-31T12:00");
    }
  }
}
