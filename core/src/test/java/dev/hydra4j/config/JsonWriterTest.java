package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private static final ConfigMap TREE =
      YamlReader.read(
              "a: 1\nb: [1, 2.5, null, true, 'x\"y', 1e-05]\nc: {}\nd: []\ne: {f: [{}]}\n"
                  + "\u00e9: \u65e5\u672c\n",
              "t.yaml")
          .root();

  // Expected texts are what Python's json.dumps prints for the same dict
  // (indent=2 / separators=(',', ':'), ensure_ascii=False).
  @Test
  void prettyMatchesPythonJsonDumpsIndent2() {
    String expected =
        """
        {
          "a": 1,
          "b": [
            1,
            2.5,
            null,
            true,
            "x\\"y",
            1e-05
          ],
          "c": {},
          "d": [],
          "e": {
            "f": [
              {}
            ]
          },
          "\u00e9": "\u65e5\u672c"
        }
        """;
    assertEquals(expected, JsonWriter.toJson(TREE, true));
  }

  @Test
  void compactHasNoSpaces() {
    assertEquals(
        "{\"a\":1,\"b\":[1,2.5,null,true,\"x\\\"y\",1e-05],\"c\":{},\"d\":[],"
            + "\"e\":{\"f\":[{}]},\"\u00e9\":\"\u65e5\u672c\"}",
        JsonWriter.toJson(TREE, false));
  }

  @Test
  void nonFiniteFloatsBecomeStringsAndBigIntsStayExact() throws Exception {
    ConfigList list =
        new ConfigList(
            List.of(
                ConfigValue.of(Double.POSITIVE_INFINITY, null),
                ConfigValue.of(Double.NEGATIVE_INFINITY, null),
                ConfigValue.of(Double.NaN, null),
                ConfigValue.of(new java.math.BigInteger("1" + "0".repeat(30)), null),
                ConfigValue.of(-0.0, null),
                ConfigValue.of(1e16, null)),
            null);
    String json = JsonWriter.toJson(list, false);
    assertEquals("[\"inf\",\"-inf\",\"nan\",1000000000000000000000000000000,-0.0,1e+16]", json);
    JsonNode parsed = new ObjectMapper().readTree(json);
    assertEquals(6, parsed.size());
  }

  @Test
  void writesAScalarRoot() {
    assertEquals("\"???\"", JsonWriter.toJson(ConfigValue.missing(null), false));
  }
}
