package dev.hydra4j.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The output formats of {@code collect} and {@code export}. */
enum ResultsFormat {
  /** Aligned columns that fit the terminal. */
  TABLE,
  /** RFC 4180: a header line, CRLF line ends, fields quoted only when they must be. */
  CSV,
  /** A GitHub-flavoured Markdown table, numbers right-aligned. */
  MARKDOWN,
  /** A JSON array with one object per job, keyed by column. */
  JSON;

  static ResultsFormat parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "Unknown format '" + text + "'",
          Origin.of("--format " + text),
          "use table, csv, markdown or json");
    }
  }

  /** The table in this format; {@code width} limits TABLE lines ({@code <= 0}: none). */
  String render(ResultsTable table, int width) {
    return render(table, width, java.util.Set.of());
  }

  /** Like {@link #render(ResultsTable, int)}, cutting the {@code keep} columns last. */
  String render(ResultsTable table, int width, java.util.Set<String> keep) {
    return switch (this) {
      case TABLE -> text(table, width, keep);
      case CSV -> csv(table);
      case MARKDOWN -> markdown(table);
      case JSON -> json(table);
    };
  }

  private static String text(ResultsTable table, int width, java.util.Set<String> keep) {
    List<Boolean> right = new ArrayList<>();
    for (String column : table.columns()) {
      right.add(numeric(table, column));
    }
    TextTable text = new TextTable(table.columns(), right, keep);
    for (Map<String, Object> row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (String column : table.columns()) {
        Object value = row.get(column);
        cells.add(
            column.equals(ResultsTable.DURATION) && value instanceof Double d
                ? String.format(Locale.ROOT, "%.1f", d)
                : MetricValues.display(value));
      }
      text.add(cells);
    }
    return text.render(width);
  }

  private static boolean numeric(ResultsTable table, String column) {
    boolean any = false;
    for (Object value : table.column(column)) {
      if (value != null) {
        if (!MetricValues.isNumber(value)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  static String csv(ResultsTable table) {
    StringBuilder out = new StringBuilder();
    csvLine(out, table.columns());
    for (Map<String, Object> row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (String column : table.columns()) {
        cells.add(MetricValues.format(row.get(column)));
      }
      csvLine(out, cells);
    }
    return out.toString();
  }

  static void csvLine(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(i == 0 ? "" : ",").append(CsvRecords.field(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String markdown(ResultsTable table) {
    StringBuilder out = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|");
    for (String column : table.columns()) {
      out.append(' ').append(escape(column)).append(" |");
      rule.append(numeric(table, column) ? " ---: |" : " --- |");
    }
    out.append('\n').append(rule).append('\n');
    for (Map<String, Object> row : table.rows()) {
      out.append('|');
      for (String column : table.columns()) {
        out.append(' ').append(escape(MetricValues.format(row.get(column)))).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String escape(String cell) {
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  private static String json(ResultsTable table) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      g.setRootValueSeparator(null);
      g.writeRaw("[");
      boolean first = true;
      for (Map<String, Object> row : table.rows()) {
        g.writeRaw(first ? "\n  " : ",\n  ");
        first = false;
        g.writeStartObject();
        for (String column : table.columns()) {
          g.writeFieldName(column);
          writeValue(g, row.get(column));
        }
        g.writeEndObject();
        g.flush();
      }
      g.writeRaw(first ? "]\n" : "\n]\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        g.writeNull(); // JSON has no NaN or infinity
      } else {
        g.writeNumber(d);
      }
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(value.toString());
    }
  }
}
