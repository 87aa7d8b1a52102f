package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares the golden cases' JSON encoding of Python values with hydra4j's Java values: ints and
 * floats differ, {@code {"$float":"inf"}} is a non-finite float, {@code {"$quoted":...}} a quoted
 * string, {@code "$key:None"} a typed dict key.
 */
final class JsonExpectations {

  private JsonExpectations() {}

  static void assertValue(JsonNode expected, Object actual, String where) {
    if (expected.isNull()) {
      assertNull(actual, where);
    } else if (expected.isBoolean()) {
      assertEquals(expected.booleanValue(), actual, where);
    } else if (expected.isIntegralNumber()) {
      if (!(actual instanceof Long || actual instanceof BigInteger)) {
        fail(where + ": expected int " + expected + " but was " + describe(actual));
      }
      assertEquals(expected.bigIntegerValue(), new BigInteger(actual.toString()), where);
    } else if (expected.isFloatingPointNumber()) {
      Double d = assertInstanceOf(Double.class, actual, where + ": expected float " + expected);
      assertEquals(expected.doubleValue(), d, where);
    } else if (expected.isTextual()) {
      assertEquals(expected.textValue(), actual, where);
    } else if (expected.isArray()) {
      List<?> list = assertInstanceOf(List.class, actual, where + ": expected a list");
      assertEquals(expected.size(), list.size(), where + ": list size");
      for (int i = 0; i < list.size(); i++) {
        assertValue(expected.get(i), list.get(i), where + "[" + i + "]");
      }
    } else if (expected.has("$float")) {
      Double d = assertInstanceOf(Double.class, actual, where);
      String kind = expected.get("$float").textValue();
      double want =
          kind.equals("nan")
              ? Double.NaN
              : kind.equals("inf") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      assertEquals(want, d, where);
    } else if (expected.has("$quoted")) {
      assertEquals(expected.get("$quoted").textValue(), actual, where + " (quoted)");
    } else {
      Map<?, ?> map = assertInstanceOf(Map.class, actual, where + ": expected a dict");
      List<Object> keys = new ArrayList<>(map.keySet());
      assertEquals(expected.size(), keys.size(), where + ": dict size");
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      int i = 0;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        Object key = keys.get(i++);
        assertKey(field.getKey(), key, where);
        assertValue(field.getValue(), map.get(key), where + "." + field.getKey());
      }
    }
  }

  private static void assertKey(String encoded, Object key, String where) {
    if (!encoded.startsWith("$key:")) {
      assertEquals(encoded, key, where + ": key");
      return;
    }
    String python = encoded.substring("$key:".length());
    switch (python) {
      case "None" -> assertNull(key, where + ": key");
      case "True" -> assertEquals(true, key, where + ": key");
      case "False" -> assertEquals(false, key, where + ": key");
      case "inf" -> assertEquals(Double.POSITIVE_INFINITY, key, where + ": key");
      case "-inf" -> assertEquals(Double.NEGATIVE_INFINITY, key, where + ": key");
      case "nan" -> assertEquals(Double.NaN, key, where + ": key");
      default -> {
        if (python.matches("-?\\d+")) {
          assertEquals(new BigInteger(python), new BigInteger(key.toString()), where + ": key");
        } else {
          assertEquals(Double.parseDouble(python), key, where + ": key");
        }
      }
    }
  }

  static String describe(Object o) {
    return o == null ? "null" : o + " (" + o.getClass().getSimpleName() + ")";
  }
}
