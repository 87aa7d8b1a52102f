package dev.hydra4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonStrftimeTest {

  // Tuesday 2024-03-05 14:07:09.123456, day 65 of a leap year.
  private static final ZonedDateTime T =
      ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 123_456_789, ZoneOffset.UTC);

  // Expected values are what CPython 3.11 on Linux prints for
  // datetime(2024, 3, 5, 14, 7, 9, 123456).strftime(pattern).
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "%Y-%m-%d_%H-%M-%S|2024-03-05_14-07-09",
        "%y|24",
        "%b %B|Mar March",
        "%a %A|Tue Tuesday",
        "%j|065",
        "%I %p|02 PM",
        "%f|123456",
        "%%Y|%Y",
        "%w %u|2 2",
        "%U %W %V %G|09 10 10 2024",
        "%e|\" 5\"",
        "%-d/%-m %-H|5/3 14",
        "%F %T|2024-03-05 14:07:09",
        "%D %R|03/05/24 14:07",
        "%c|Tue Mar  5 14:07:09 2024",
        "%x %X|03/05/24 14:07:09",
        "%C %g|20 24",
        "%s|1709647629",
        "%Q stays|%Q stays",
        "trailing %|trailing %",
      })
  void matchesPythonOnLinux(String pattern, String expected) {
    assertEquals(expected, PythonStrftime.format(pattern, T));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "00|12 AM",
        "12|12 PM",
        "23|11 PM",
      })
  void twelveHourClock(int hour, String expected) {
    assertEquals(expected, PythonStrftime.format("%I %p", T.withHour(hour)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "UTC|+0000 UTC",
        "Europe/Paris|+0100 CET",
        "America/St_Johns|-0330 NST",
      })
  void zoneDirectivesPrintTheOffsetAndName(String zone, String expected) {
    ZonedDateTime local = T.withZoneSameInstant(ZoneId.of(zone));
    assertEquals(expected, PythonStrftime.format("%z %Z", zone.equals("UTC") ? T : local));
  }
}
