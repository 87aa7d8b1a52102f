package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
