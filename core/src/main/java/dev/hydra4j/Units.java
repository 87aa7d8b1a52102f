package dev.hydra4j;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ({@code 10s}, {@code 1.5h}, {@code 250 ms}) and sizes ({@code 512M}, {@code 2GiB},
 * {@code 10kB}) in Typesafe Config's conventions, so that a value reads the same in hydra4j as in
 * an application's {@code reference.conf}: a bare number is milliseconds for a duration and bytes
 * for a size; {@code K M G T P} (and {@code Ki}, {@code KiB}, …) are powers of 1024, {@code kB MB
 * GB TB PB} powers of 1000.
 */
final class Units {

  private static final Pattern AMOUNT =
      Pattern.compile(
          "\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z]*)\\s*");

  private static final Map<String, Long> NANOS_PER_UNIT = nanosPerUnit();
  private static final Map<String, BigDecimal> BYTES_PER_UNIT = bytesPerUnit();

  private Units() {}

  /** The duration {@code text} names, or {@code null}. */
  static Duration duration(String text) {
    if (text.startsWith("P") || text.startsWith("-P")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = AMOUNT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    Long nanos = NANOS_PER_UNIT.get(m.group(2).isEmpty() ? "ms" : m.group(2));
    if (nanos == null) {
      return null;
    }
    try {
      BigDecimal total = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanos));
      return Duration.ofNanos(total.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** The number of bytes {@code text} names, or {@code null} (also beyond a long). */
  static Long bytes(String text) {
    Matcher m = AMOUNT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigDecimal unit = BYTES_PER_UNIT.get(m.group(2).isEmpty() ? "B" : m.group(2));
    if (unit == null) {
      return null;
    }
    try {
      BigDecimal total = new BigDecimal(m.group(1)).multiply(unit);
      return total.signum() < 0
          ? null
          : total.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static Map<String, Long> nanosPerUnit() {
    Map<String, Long> units = new java.util.HashMap<>();
    alias(units, 1L, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
    alias(units, 1_000L, "us", "micro", "micros", "microsecond", "microseconds");
    alias(units, 1_000_000L, "ms", "milli", "millis", "millisecond", "milliseconds");
    alias(units, 1_000_000_000L, "s", "second", "seconds");
    alias(units, 60_000_000_000L, "m", "minute", "minutes");
    alias(units, 3_600_000_000_000L, "h", "hour", "hours");
    alias(units, 86_400_000_000_000L, "d", "day", "days");
    return Map.copyOf(units);
  }

  private static Map<String, BigDecimal> bytesPerUnit() {
    Map<String, BigDecimal> units = new java.util.HashMap<>();
    alias(units, BigDecimal.ONE, "B", "b", "byte", "bytes");
    String[] binary = {"K", "M", "G", "T", "P", "E"};
    String[] binaryNames = {"kibi", "mebi", "gibi", "tebi", "pebi", "exbi"};
    String[] decimalNames = {"kilo", "mega", "giga", "tera", "peta", "exa"};
    for (int i = 0; i < binary.length; i++) {
      String p = binary[i];
      BigDecimal power2 = BigDecimal.valueOf(1024).pow(i + 1);
      BigDecimal power10 = BigDecimal.TEN.pow(3 * (i + 1));
      alias(
          units,
          power2,
          p,
          p.toLowerCase(Locale.ROOT),
          p + "i",
          p + "iB",
          binaryNames[i] + "byte",
          binaryNames[i] + "bytes");
      alias(
          units,
          power10,
          (i == 0 ? "k" : p) + "B",
          decimalNames[i] + "byte",
          decimalNames[i] + "bytes");
    }
    return Map.copyOf(units);
  }

  private static <V> void alias(Map<String, V> units, V value, String... names) {
    for (String name : names) {
      units.put(name, value);
    }
  }
}
