package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricRuleTest {

  private static Map<String, Object> apply(MetricRule rule, String text) throws Exception {
    Map<String, Object> into = new LinkedHashMap<>();
    rule.apply(text, into);
    return into;
  }

  @Test
  void jsonPathReadsNestedValuesAndListElements() throws Exception {
    String json = "{\"test\": {\"mAP50\": 0.81, \"per_class\": [0.5, 0.7]}, \"n\": 3}";
    assertEquals(
        Map.of("test.mAP50", 0.81),
        apply(new MetricRule.JsonRule("e.json", "test.mAP50", null), json));
    assertEquals(
        Map.of("cls1", 0.7),
        apply(new MetricRule.JsonRule("e.json", "test.per_class.1", "cls1"), json));
    assertEquals(Map.of("n", 3L), apply(new MetricRule.JsonRule("e.json", "n", null), json));
  }

  @Test
  void jsonWithoutPathFlattensEverythingButLists() throws Exception {
    assertEquals(
        Map.of("a.b", 1L, "c", "x"),
        apply(
            new MetricRule.JsonRule("e.json", null, null),
            "{\"a\": {\"b\": 1}, \"c\": \"x\", \"curve\": [1, 2]}"));
  }

  @Test
  void jsonMissingKeyNamesTheKeysThatExist() {
    MetricRule.RuleFailure e =
        assertThrows(
            MetricRule.RuleFailure.class,
            () ->
                apply(
                    new MetricRule.JsonRule("e.json", "test.map", null),
                    "{\"test\": {\"mAP50\": 1}}"));
    assertEquals(
        "e.json has no 'test.map' (stopped after 'test'); keys there: mAP50", e.getMessage());
  }

  @Test
  void jsonThatDoesNotParseSaysSo() {
    MetricRule.RuleFailure e =
        assertThrows(
            MetricRule.RuleFailure.class,
            () -> apply(new MetricRule.JsonRule("e.json", "a", null), "{\"a\": "));
    assertTrue(e.getMessage().startsWith("e.json is not valid JSON"), e.getMessage());
  }

  @Test
  void csvTakesTheLastRowWithStrippedHeaders() throws Exception {
    String csv = "  epoch,  metrics/mAP50(B), note\n1,0.5,a\n2,0.61,\"x, y\"\n\n";
    assertEquals(
        Map.of("metrics/mAP50(B)", 0.61),
        apply(new MetricRule.CsvRule("r.csv", "metrics/mAP50(B)", null), csv));
    assertEquals(
        Map.of("epoch", 2L, "metrics/mAP50(B)", 0.61, "note", "x, y"),
        apply(new MetricRule.CsvRule("r.csv", null, null), csv));
  }

  @Test
  void csvMissingColumnListsTheColumns() {
    MetricRule.RuleFailure e =
        assertThrows(
            MetricRule.RuleFailure.class,
            () -> apply(new MetricRule.CsvRule("r.csv", "loss", null), "a,b\n1,2\n"));
    assertEquals("r.csv has no column 'loss'; columns: a, b", e.getMessage());
    e =
        assertThrows(
            MetricRule.RuleFailure.class,
            () -> apply(new MetricRule.CsvRule("r.csv", "a", null), "a,b\n"));
    assertEquals("r.csv has no data rows", e.getMessage());
  }

  @Test
  void regexTakesTheLastMatchByDefaultAndTheFirstWhenAsked() throws Exception {
    String log = "epoch 1\nPDM score: 0.5\nepoch 2\nPDM score: 0.8206\n";
    Pattern p = Pattern.compile("PDM score: (?<pdm>[0-9.]+)", Pattern.MULTILINE);
    assertEquals(Map.of("pdm", 0.8206), apply(new MetricRule.RegexRule("o", p, null, false), log));
    assertEquals(Map.of("pdm", 0.5), apply(new MetricRule.RegexRule("o", p, null, true), log));
    assertEquals(
        Map.of("score", 0.8206), apply(new MetricRule.RegexRule("o", p, "score", false), log));
  }

  @Test
  void regexWithSeveralGroupsGivesSeveralMetrics() throws Exception {
    Pattern p = Pattern.compile("^loss=(?<loss>\\S+) acc=(?<acc>\\S+)$", Pattern.MULTILINE);
    assertEquals(
        Map.of("loss", 0.25, "acc", "high"),
        apply(new MetricRule.RegexRule("o", p, null, false), "loss=0.25 acc=high\n"));
  }

  @Test
  void regexWithoutMatchSaysWhichRuleAndFile() {
    Pattern p = Pattern.compile("score: (?<s>\\d+)");
    MetricRule.RuleFailure e =
        assertThrows(
            MetricRule.RuleFailure.class,
            () -> apply(new MetricRule.RegexRule("stdout.log", p, null, false), "nothing\n"));
    assertEquals("regex 'score: (?<s>\\d+)' in stdout.log: no line matches", e.getMessage());
  }

  @Test
  void groupNamesSkipLookbehindsAndEscapedParentheses() {
    assertEquals(
        List.of("a", "b2"),
        MetricRule.RegexRule.groupNames("(?<a>x)(?<=y)\\(?<no>z)(?<!w)(?<b2>v)"));
  }

  @Test
  void valuesBecomeNumbersWhenTheyReadAsNumbers() {
    assertEquals(3L, MetricValues.parse(" 3 "));
    assertEquals(0.5, MetricValues.parse(".5"));
    assertEquals(1e-5, MetricValues.parse("1e-05"));
    assertTrue(((Double) MetricValues.parse("nan")).isNaN());
    assertEquals("85%", MetricValues.parse("85%"));
  }
}
