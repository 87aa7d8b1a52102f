package dev.hydra4j.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 describes it: fields separated by commas, records by CRLF or LF, a
 * field in double quotes may hold commas, line breaks and doubled quotes. Blank lines are skipped,
 * as the CSV logs of training libraries end with one.
 */
final class CsvRecords {

  private CsvRecords() {}

  /** Every record of {@code text}, each a list of fields. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRecord(records, record, field, fieldStarted);
        record = new ArrayList<>();
        fieldStarted = false;
      } else {
        field.append(c);
        fieldStarted = true;
      }
      i++;
    }
    endRecord(records, record, field, fieldStarted);
    return records;
  }

  private static void endRecord(
      List<List<String>> records, List<String> record, StringBuilder field, boolean fieldStarted) {
    if (!fieldStarted && record.isEmpty()) {
      return; // a blank line
    }
    record.add(field.toString());
    field.setLength(0);
    records.add(record);
  }

  /** One field as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
