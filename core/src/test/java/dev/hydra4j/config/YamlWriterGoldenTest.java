package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code yaml/writer-golden.json}: a tree and the text real PyYAML 6 printed for it
 * through OmegaConf's dumper settings (see {@code yaml/generate_golden.py}).
 */
class YamlWriterGoldenTest {

  @TestFactory
  Stream<DynamicTest> printsWhatPyYamlPrints() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : GoldenTrees.load("/yaml/writer-golden.json").get("cases")) {
      ConfigNode tree = GoldenTrees.decode(c.get("tree"));
      tests.add(
          DynamicTest.dynamicTest(
              c.get("id").asText(),
              () -> {
                assertEquals(c.get("yaml").asText(), YamlWriter.toYaml(tree));
                assertEquals(c.get("yaml_sorted").asText(), YamlWriter.toYaml(tree, true));
              }));
    }
    return tests.stream();
  }
}
