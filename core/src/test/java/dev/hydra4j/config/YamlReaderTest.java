package dev.hydra4j.config;

import static dev.hydra4j.config.TreeAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlReaderTest {

  private static ConfigFile read(String yaml) {
    return YamlReader.read(yaml, "conf/x.yaml");
  }

  private static Object value(String yamlScalar) {
    return ((ConfigValue) read("v: " + yamlScalar + "\n").root().get("v")).value();
  }

  /** Each case's expected tree is what PyYAML loaded with OmegaConf's loader settings. */
  @TestFactory
  Stream<DynamicTest> readsWhatOmegaConfReads() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : GoldenTrees.load("/yaml/reader-golden.json").get("cases")) {
      tests.add(
          DynamicTest.dynamicTest(
              c.get("id").asText(),
              () ->
                  assertIdentical(
                      GoldenTrees.decode(c.get("tree")), read(c.get("yaml").asText()).root())));
    }
    return tests.stream();
  }

  // Expected values follow PyYAML's YAML 1.1 resolver plus OmegaConf's two changes
  // (exponent floats without a dot, no timestamps); checked against PyYAML 6.0.3.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1e3 | Double:1000.0",
        "1e-5 | Double:1.0E-5",
        "1.5e3 | Double:1500.0",
        ".5 | Double:0.5",
        "1. | Double:1.0",
        "-.inf | Double:-Infinity",
        ".NaN | Double:NaN",
        "1:30.5 | Double:90.5",
        "0x1F | Long:31",
        "017 | Long:15",
        "0b101 | Long:5",
        "1_000 | Long:1000",
        "1:30 | Long:90",
        "-0 | Long:0",
        "0o17 | String:0o17",
        "08 | String:08",
        "1e | String:1e",
        "yes | Boolean:true",
        "No | Boolean:false",
        "ON | Boolean:true",
        "y | String:y",
        "n | String:n",
        "yEs | String:yEs",
        "~ | null:null",
        "Null | null:null",
        "2024-01-01 | String:2024-01-01",
        "= | String:=",
        "._ | String:._",
        "'1' | String:1",
        "\"true\" | String:true",
        "??? | String:???",
        "${a.b} | String:${a.b}",
        "!!str 12 | String:12",
        "!!int '12' | Long:12",
        "!!float 1 | Double:1.0",
        "!!bool 'off' | Boolean:false",
        "!!null x | null:null",
      })
  void typesPlainScalarsAsHydraDoes(String yaml, String expected) {
    Object v = value(yaml);
    assertEquals(expected, (v == null ? "null" : v.getClass().getSimpleName()) + ":" + v);
  }

  @Test
  void keepsHugeIntsExact() {
    assertEquals(
        new BigInteger("123456789012345678901234567890"), value("123456789012345678901234567890"));
  }

  @Test
  void anEmojiAtAnyPlaceOfTheFileIsReadWhole() {
    // The parser reads 1,024 chars at a time: the emoji's two halves fall on each side of a
    // piece's end at some length below.
    for (int n = 1000; n < 2100; n++) {
      String text = "a".repeat(n) + "\uD83D\uDE00b";
      assertEquals(text, value(text), "length " + n);
    }
  }

  @Test
  void plainKeysAreTypedAndNamedAsPythonHydraNamesThem() {
    ConfigMap root = read("1: a\ntrue: b\n0x10: c\n'quoted': d\n3.140: e\n'true': f\n").root();
    assertEquals(
        List.of("1", "True", "16", "quoted", "3.14", "true"), new ArrayList<>(root.keys()));
  }

  @Test
  void aNullKeyIsRefusedAtItsLine() {
    ConfigException e = assertThrows(ConfigException.class, () -> read("a: 1\n~: e\n"));
    assertEquals("conf/x.yaml:2:1", e.origin().toString());
  }

  @Test
  void everyNodeKnowsItsFileLineAndColumn() {
    ConfigMap root = read("a: 1\nb:\n  c: [x, 'y']\n  d:\n    - e: 2\n").root();
    assertEquals("conf/x.yaml:1:4", root.get("a").origin().toString());
    ConfigMap b = (ConfigMap) root.get("b");
    assertEquals("conf/x.yaml:3:3", b.origin().toString());
    ConfigList c = (ConfigList) b.get("c");
    assertEquals("conf/x.yaml:3:6", c.origin().toString());
    assertEquals("conf/x.yaml:3:10", c.get(1).origin().toString());
    ConfigMap item = (ConfigMap) ((ConfigList) b.get("d")).get(0);
    assertEquals("conf/x.yaml:5:10", item.get("e").origin().toString());
    assertEquals("conf/x.yaml", root.get("a").origin().file());
  }

  @Test
  void aliasesResolveAndPointAtTheirUse() {
    ConfigMap root = read("base: &b {x: 1}\ncopy: *b\nlist: [&n 5, *n]\n").root();
    assertEquals(root.get("base"), root.get("copy"));
    assertEquals("conf/x.yaml:2:7", root.get("copy").origin().toString());
    ConfigMap copy = (ConfigMap) root.get("copy");
    assertEquals("conf/x.yaml:1:14", copy.get("x").origin().toString());
    assertEquals(
        List.of(ConfigValue.of(5L, null), ConfigValue.of(5L, null)),
        ((ConfigList) root.get("list")).items());
  }

  @Test
  void mergeKeysFollowPyYaml() {
    // PyYAML puts merged entries first, takes a merge list last-to-first, and lets the
    // mapping's own keys win; expected order checked against PyYAML 6.0.3.
    ConfigMap root =
        read("a: &a {p: 1}\nb: &b {q: 2, p: 3}\n" + "c:\n  r: 4\n  <<: [*a, *b]\n  p: 0\n").root();
    ConfigMap c = (ConfigMap) root.get("c");
    assertEquals(List.of("q", "p", "r"), new ArrayList<>(c.keys()));
    assertEquals(ConfigValue.of(0L, null), c.get("p"));
    assertEquals(ConfigValue.of(2L, null), c.get("q"));
  }

  @Test
  void emptyFilesAndNullDocumentsAreEmptyMaps() {
    for (String text : new String[] {"", "# comment only\n", "---\n", "~\n", "null\n"}) {
      ConfigFile file = read(text);
      assertTrue(file.root().isEmpty(), text);
      assertNull(file.packageHeader());
    }
  }

  @Test
  void readsPackageHeaders() {
    assertEquals("_global_", read("# @package _global_\na: 1\n").packageHeader());
    assertEquals("_group_", read("\n#@package _group_\n").packageHeader());
    assertEquals("foo.bar", read("# my db\n\n# @package foo.bar\n# more\na: 1\n").packageHeader());
    assertNull(read("a: 1\n# @package foo\n").packageHeader());
    assertNull(read("# @other thing\na: 1\n").packageHeader());
    assertEquals("x", read("\uFEFF# @package x\na: 1\n").packageHeader());
  }

  @Test
  void readsTheConformanceCasesFiles() {
    for (JsonNode c : GoldenTrees.load("/conformance/compose.json").get("cases")) {
      c.get("files")
          .fields()
          .forEachRemaining(
              file -> {
                if (!c.get("id").asText().equals("compose-yaml-syntax-error")) {
                  ConfigFiles.parse(file.getValue().asText(), file.getKey());
                }
              });
    }
    JsonNode cases = GoldenTrees.load("/conformance/compose.json").get("cases");
    for (JsonNode c : cases) {
      String id = c.get("id").asText();
      if (id.equals("compose-plain-no-overrides") || id.equals("compose-missing-value-marker")) {
        ConfigMap root =
            ConfigFiles.parse(c.get("files").get("config.yaml").asText(), "config.yaml").root();
        assertIdentical(ConformanceJson.decode(c.get("config")), root);
      }
      if (id.equals("compose-package-header-group")) {
        assertEquals(
            "_group_",
            ConfigFiles.parse(c.get("files").get("db/mysql.yaml").asText(), "db/mysql.yaml")
                .packageHeader());
      }
    }
  }
}
