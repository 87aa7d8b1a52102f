package dev.hydra4j.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Summary lines show six significant digits; the study file keeps the exact value. */
class StudySummaryTest {

  @ParameterizedTest
  @CsvSource({
    "2.3723111761165185, 2.37231",
    "-3.1791234567, -3.17912",
    "8.681858939773557e-05, 8.68186e-05",
    "0.1, 0.1",
    "42.0, 42.0",
    "1234567.891, 1234570.0",
    "0.0, 0.0",
  })
  void valuesAreRoundedForReading(double value, String shown) {
    assertEquals(shown, StudySummary.shown(value));
  }
}
