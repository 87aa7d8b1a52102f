package dev.hydra4j.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles exactly as Python's {@code repr(float)} does (shortest digits that read back to
 * the same double; exponent form below 1e-4 and from 1e16). Hydra users see these strings in {@code
 * --cfg} output, override strings and directory names, so they must not differ from what Python
 * prints.
 */
public final class PythonFloat {

  private PythonFloat() {}

  public static String repr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    Decimal shortest = fastDecimal(value);
    if (shortest == null) {
      shortest = exactDecimal(value);
    }
    String digits = shortest.digits();
    int exponent = shortest.exponent();
    String sign = value < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    StringBuilder out = new StringBuilder(sign);
    if (exponent < 0) {
      out.append("0.");
      out.append("0".repeat(-exponent - 1)).append(digits);
    } else if (digits.length() <= exponent + 1) {
      out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
    } else {
      out.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
    }
    return out.toString();
  }

  /**
   * A shortest decimal.
   *
   * @param digits its significant digits, without trailing zeros
   * @param exponent the power of ten of the first digit
   */
  record Decimal(String digits, int exponent) {}

  /**
   * The shortest decimal of {@code value} read from {@link Double#toString} when that has at most
   * 15 significant digits; {@code null} otherwise. Any two decimals of at most 15 digits that read
   * as the same normal double are the same number (15 digits are what a double always keeps), so
   * such a string is the shortest, the one {@link #exactDecimal} finds without its exact
   * arithmetic: {@code collect} prints 20,000 durations, and that arithmetic was a third of its own
   * work.
   */
  static Decimal fastDecimal(double value) {
    double abs = Math.abs(value);
    if (abs < Double.MIN_NORMAL || Double.isInfinite(abs) || Double.isNaN(abs)) {
      return null; // subnormals keep fewer digits than the argument needs
    }
    String text = Double.toString(abs); // "123.45", "0.001", "1.0E-5", "1.2345E10"
    int e = text.indexOf('E');
    int mantissaEnd = e < 0 ? text.length() : e;
    int power = e < 0 ? 0 : Integer.parseInt(text, e + 1, text.length(), 10);
    StringBuilder digits = new StringBuilder(mantissaEnd);
    int leadingZeros = 0;
    for (int i = 0; i < mantissaEnd; i++) {
      char c = text.charAt(i);
      if (c == '0' && digits.length() == 0) {
        leadingZeros++;
      } else if (c != '.') {
        digits.append(c);
      }
    }
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    if (end > 15) {
      return null;
    }
    return new Decimal(digits.substring(0, end), text.indexOf('.') - leadingZeros - 1 + power);
  }

  /** The shortest decimal of {@code value} by exact arithmetic: the nearest that reads back. */
  static Decimal exactDecimal(double value) {
    BigDecimal shortest = shortest(value);
    String digits = shortest.unscaledValue().abs().toString();
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return new Decimal(digits.substring(0, end), digits.length() - 1 - shortest.scale());
  }

  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }
}
