package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hydra4j.Seeds;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

  // Expected strings are what CPython 3.11 prints for repr(float(x)).
  @ParameterizedTest
  @CsvSource({
    "0.1, 0.1",
    "1.0, 1.0",
    "100.0, 100.0",
    "0.001, 0.001",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.000012, 1.2e-05",
    "1e16, 1e+16",
    "1.5e16, 1.5e+16",
    "123456789012345.6, 123456789012345.6",
    "1e15, 1000000000000000.0",
    "-2.5, -2.5",
    "0.3, 0.3",
    "3.0e-300, 3e-300",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "0.30000000000000004, 0.30000000000000004",
    "878409175891372.25, 878409175891372.2",
    // 17 digits, halfway between two: Python rounds to the even one
    "1410330241734637.25, 1410330241734637.2",
    "-199366899973308.625, -199366899973308.62",
  })
  void matchesPythonRepr(double value, String expected) {
    assertEquals(expected, PythonFloat.repr(value));
  }

  @org.junit.jupiter.api.Test
  void nonFiniteAndSignedZero() {
    assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
    assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
    assertEquals("nan", PythonFloat.repr(Double.NaN));
    assertEquals("-0.0", PythonFloat.repr(-0.0));
  }

  /**
   * The fast path (Double.toString when it has at most 15 digits) gives the decimal the exact
   * search gives, on random bit patterns and on the short decimals that metrics and durations are.
   */
  @org.junit.jupiter.api.Test
  void theFastPathAgreesWithTheExactSearch() {
    long seed = Seeds.seed();
    Random random = new Random(seed);
    int fast = 0;
    for (int i = 0; i < 40_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextInt(100_000) / Math.pow(10, random.nextInt(12));
            case 2 -> random.nextLong() * Math.pow(10, random.nextInt(40) - 20);
            default -> Math.nextAfter(Math.pow(10, random.nextInt(600) - 300), random.nextDouble());
          };
      if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
        continue;
      }
      PythonFloat.Decimal quick = PythonFloat.fastDecimal(value);
      if (quick != null) {
        fast++;
        assertEquals(
            PythonFloat.exactDecimal(value),
            quick,
            "repr(" + value + "), seed " + seed + " (-Dhydra4j.seed to replay)");
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(fast > 10_000, "the fast path was taken " + fast);
  }
}
