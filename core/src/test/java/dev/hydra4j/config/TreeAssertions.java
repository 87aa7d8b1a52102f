package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Test support: tree equality that also checks key order and scalar types. */
final class TreeAssertions {

  private TreeAssertions() {}

  static void assertIdentical(ConfigNode expected, ConfigNode actual) {
    compare(expected, actual, "<root>");
  }

  private static void compare(ConfigNode expected, ConfigNode actual, String path) {
    if (expected instanceof ConfigMap e && actual instanceof ConfigMap a) {
      List<String> ek = new ArrayList<>(e.keys());
      List<String> ak = new ArrayList<>(a.keys());
      assertEquals(ek, ak, "keys (in order) at " + path);
      for (String k : ek) {
        compare(e.get(k), a.get(k), path + "." + k);
      }
    } else if (expected instanceof ConfigList e && actual instanceof ConfigList a) {
      assertEquals(e.size(), a.size(), "list size at " + path);
      for (int i = 0; i < e.size(); i++) {
        compare(e.get(i), a.get(i), path + "[" + i + "]");
      }
    } else if (expected instanceof ConfigValue e && actual instanceof ConfigValue a) {
      Object ev = e.value();
      Object av = a.value();
      String et = ev == null ? "null" : ev.getClass().getSimpleName();
      String at = av == null ? "null" : av.getClass().getSimpleName();
      assertEquals(et + ":" + ev, at + ":" + av, "value at " + path);
    } else {
      fail("node kinds differ at " + path + ": expected " + expected + " but got " + actual);
    }
  }
}
