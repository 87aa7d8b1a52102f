package dev.hydra4j.interpolate;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} on Linux (C locale), for Hydra's {@code ${now:…}}: Python's
 * own directives plus the glibc ones Python passes through ({@code %e %F %T %D %R %r %h %C %k %l %P
 * %s %n %t}) and the {@code -} flag that drops padding ({@code %-d}). An unknown directive is
 * printed as written, as glibc does.
 *
 * <p>One deliberate difference: Hydra formats a naive local time, so its {@code %z} and {@code %Z}
 * print nothing; here they print the offset ({@code +0200}) and zone name ({@code CEST}), which is
 * what someone who writes them wants.
 */
final class PythonStrftime {

  private PythonStrftime() {}

  static String format(String pattern, ZonedDateTime t) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 >= pattern.length()) {
        out.append(c);
        continue;
      }
      boolean unpadded = pattern.charAt(i + 1) == '-' && i + 2 < pattern.length();
      char d = pattern.charAt(unpadded ? i + 2 : i + 1);
      String value = directive(d, t);
      if (value == null) {
        out.append(pattern, i, unpadded ? i + 3 : i + 2);
      } else {
        out.append(unpadded ? stripPadding(value) : value);
      }
      i += unpadded ? 2 : 1;
    }
    return out.toString();
  }

  private static String stripPadding(String value) {
    int start = 0;
    while (start < value.length() - 1
        && (value.charAt(start) == '0' || value.charAt(start) == ' ')) {
      start++;
    }
    return value.substring(start);
  }

  /** The text of {@code %d}, or {@code null} for a directive glibc does not know. */
  private static String directive(char d, ZonedDateTime t) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    int dayOfYear0 = t.getDayOfYear() - 1;
    int sundayBased = t.getDayOfWeek().getValue() % 7; // Sunday 0 .. Saturday 6
    int mondayBased = t.getDayOfWeek().getValue() - 1; // Monday 0 .. Sunday 6
    return switch (d) {
      case 'Y' -> Integer.toString(t.getYear());
      case 'y' -> two(Math.floorMod(t.getYear(), 100));
      case 'C' -> two(Math.floorDiv(t.getYear(), 100));
      case 'm' -> two(t.getMonthValue());
      case 'd' -> two(t.getDayOfMonth());
      case 'e' -> spaced(t.getDayOfMonth());
      case 'H' -> two(t.getHour());
      case 'k' -> spaced(t.getHour());
      case 'I' -> two(hour12);
      case 'l' -> spaced(hour12);
      case 'M' -> two(t.getMinute());
      case 'S' -> two(t.getSecond());
      case 'f' -> String.format("%06d", t.getNano() / 1000);
      case 'p' -> t.getHour() < 12 ? "AM" : "PM";
      case 'P' -> t.getHour() < 12 ? "am" : "pm";
      case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
      case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
      case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
      case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
      case 'w' -> Integer.toString(sundayBased);
      case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
      case 'j' -> String.format("%03d", t.getDayOfYear());
      case 'U' -> two((dayOfYear0 + 7 - sundayBased) / 7);
      case 'W' -> two((dayOfYear0 + 7 - mondayBased) / 7);
      case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
      case 'g' -> two(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100));
      case 'z' -> offset(t.getOffset());
      case 'Z' -> zoneName(t);
      case 's' -> Long.toString(t.toEpochSecond());
      case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
      case 'x', 'D' -> format("%m/%d/%y", t);
      case 'X', 'T' -> format("%H:%M:%S", t);
      case 'F' -> format("%Y-%m-%d", t);
      case 'R' -> format("%H:%M", t);
      case 'r' -> format("%I:%M:%S %p", t);
      case 'n' -> "\n";
      case 't' -> "\t";
      case '%' -> "%";
      default -> null;
    };
  }

  private static String two(int value) {
    return value < 10 && value >= 0 ? "0" + value : Integer.toString(value);
  }

  private static String spaced(int value) {
    return value < 10 ? " " + value : Integer.toString(value);
  }

  private static String offset(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    int abs = Math.abs(seconds);
    String text = String.format("%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
    return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
  }

  private static String zoneName(ZonedDateTime t) {
    if (t.getZone() instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }
    return DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
  }
}
