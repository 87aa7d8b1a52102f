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
  void tablesRoundFloatsWhileCsvAndJsonKeepThemExact() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ratio", 1 / 3.0);
    row.put("big", 123456789.123456);
    row.put("whole", 50000.0);
    row.put("tiny", 1e-7 / 3);
    row.put("huge", 3e12 / 7);
    ResultsTable t =
        new ResultsTable(List.of("ratio", "big", "whole", "tiny", "huge"), List.of(row));
    assertEquals(
        """
         ratio        big    whole       tiny       huge
        0.3333  123456789  50000.0  3.333e-08  4.286e+11
        """,
        ResultsFormat.TABLE.render(t, 0));
    assertEquals(
        "ratio,big,whole,tiny,huge\r\n0.3333333333333333,123456789.123456,50000.0,"
            + "3.3333333333333334e-08,428571428571.4286\r\n",
        ResultsFormat.CSV.render(t, 0));
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
