package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigFiles;
import dev.hydra4j.config.ConfigNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricRulesTest {

  private static List<MetricRule> parse(String yaml) {
    ConfigNode node = ConfigFiles.parse(yaml, "hydra.yaml").root().get("metrics");
    return MetricRules.parse(node);
  }

  @Test
  void readsEachKindOfRule() {
    List<MetricRule> rules =
        parse(
            """
        metrics:
          - {json: eval/results.json, path: test.mAP50, name: mAP50}
          - {csv: results.csv, column: val_loss}
          - {regex: 'PDM score: (?P<pdm>[0-9.]+)'}
        """);
    assertEquals(new MetricRule.JsonRule("eval/results.json", "test.mAP50", "mAP50"), rules.get(0));
    assertEquals(new MetricRule.CsvRule("results.csv", "val_loss", null), rules.get(1));
    MetricRule.RegexRule regex = assertInstanceOf(MetricRule.RegexRule.class, rules.get(2));
    assertEquals("stdout.log", regex.file());
    assertEquals("PDM score: (?P<pdm>[0-9.]+)", regex.written());
    assertEquals(List.of("pdm"), regex.groups());
  }

  @Test
  void emptyOrNullMeansNoRules() {
    assertEquals(List.of(), parse("metrics: []\n"));
    assertEquals(List.of(), parse("metrics: null\n"));
  }

  @Test
  void mistakesPointAtTheLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> parse("metrics:\n  - {json: a.json, colum: x}\n"));
    assertEquals("Unknown key 'colum' in a metrics rule", e.getMessage());
    assertEquals("hydra.yaml:2:27", e.origin().toString());
    e = assertThrows(ConfigException.class, () -> parse("metrics:\n  - {json: a, csv: b}\n"));
    assertTrue(
        e.getMessage().startsWith("A metrics rule needs exactly one of json, csv or" + " regex"),
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> parse("metrics:\n  - {regex: 'a(b'}\n"));
    assertTrue(e.getMessage().startsWith("The regex 'a(b' is not valid"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> parse("metrics:\n  - {regex: 'score \\d+'}\n"));
    assertEquals("The regex 'score \\d+' names no metric", e.getMessage());
    e = assertThrows(ConfigException.class, () -> parse("metrics: {json: a}\n"));
    assertEquals("hydra.results.metrics must be a list of rules", e.getMessage());
    e =
        assertThrows(
            ConfigException.class,
            () -> parse("metrics:\n  - {regex: 'x(?<a>1)', match: middle}\n"));
    assertEquals("match must be first or last, not 'middle'", e.getMessage());
  }

  @Test
  void pythonGroupsAndUnderscoresWork() throws Exception {
    MetricRule rule =
        parse("metrics:\n  - regex: 'pdm_score: (?P<pdm_score>[0-9.]+) (?P=pdm_score)'\n").get(0);
    java.util.Map<String, Object> into = new java.util.LinkedHashMap<>();
    rule.apply("pdm_score: 0.5 0.5\npdm_score: 0.7 0.8\n", into);
    assertEquals(java.util.Map.of("pdm_score", 0.5), into);
  }

  @Test
  void aRuleReadingOutsideTheJobIsRefusedAtItsLine() {
    dev.hydra4j.config.ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.hydra4j.config.ConfigException.class,
            () -> parse("metrics:\n  - {json: ../../secrets.json, path: a}\n"));
    assertTrue(
        e.getMessage().contains("'../../secrets.json' is outside the job directory"),
        e.getMessage());
    assertEquals(2, e.origin().line());
  }
}
