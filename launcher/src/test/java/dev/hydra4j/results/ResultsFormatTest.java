package dev.hydra4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsFormatTest {

  private static ResultsTable table() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("num", 0L);
    a.put("model", "res,net \"50\"");
    a.put("acc", 0.8206);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("num", 11L);
    b.put("model", "vit|b");
    b.put("acc", null);
    return new ResultsTable(List.of("num", "model", "acc"), List.of(a, b));
  }

  @Test
  void csvFollowsRfc4180() {
    assertEquals(
        "num,model,acc\r\n0,\"res,net \"\"50\"\"\",0.8206\r\n11,vit|b,\r\n",
        ResultsFormat.CSV.render(table(), 0));
    assertEquals(
        List.of(
            List.of("num", "model", "acc"),
            List.of("0", "res,net \"50\"", "0.8206"),
            List.of("11", "vit|b", "")),
        CsvRecords.parse(ResultsFormat.CSV.render(table(), 0)));
  }

  @Test
  void tableRightAlignsNumbers() {
    assertEquals(
        """
        num  model            acc
          0  res,net "50"  0.8206
         11  vit|b
        """,
        ResultsFormat.TABLE.render(table(), 0));
  }

  @Test
  void tableFitsTheWidthByCuttingTextFirst() {
    String out = ResultsFormat.TABLE.render(table(), 20);
    for (String line : out.split("\n")) {
      assertEquals(true, line.length() <= 20, line);
    }
    assertEquals(
        """
        num  model       acc
          0  res,ne…  0.8206
         11  vit|b
        """,
        out);
  }

  @Test
  void markdownEscapesPipes() {
    assertEquals(
        """
        | num | model | acc |
        | ---: | --- | ---: |
        | 0 | res,net "50" | 0.8206 |
        | 11 | vit\\|b |  |
        """,
        ResultsFormat.MARKDOWN.render(table(), 0));
  }

  @Test
  void jsonHasOneObjectPerRow() {
    assertEquals(
        "[\n  {\"num\":0,\"model\":\"res,net \\\"50\\\"\",\"acc\":0.8206},\n"
            + "  {\"num\":11,\"model\":\"vit|b\",\"acc\":null}\n]\n",
        ResultsFormat.JSON.render(table(), 0));
    assertEquals("[]\n", ResultsFormat.JSON.render(new ResultsTable(List.of("a"), List.of()), 0));
  }

  @Test
  void jobNumbersAreWrittenAsRanges() {
    assertEquals("jobs 0-3, 7, 9, 10", JobNumbers.describe(Arrays.asList(0, 1, 2, 3, 7, 9, 10)));
    assertEquals("job 4", JobNumbers.describe(List.of(4)));
  }
}
