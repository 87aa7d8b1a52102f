package dev.hydra4j.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text the index stores maps and lists of values as. Doubles keep NaN and infinities (as
 * the strings Python writes for them), so a value reads back as it was.
 */
final class IndexJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private IndexJson() {}

  static String map(Map<String, ?> values) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.writeStartObject();
      for (Map.Entry<String, ?> e : values.entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static String list(List<String> values) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      g.writeStartObject();
      g.writeStringField("float", d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf");
      g.writeEndObject();
    } else {
      ResultsFormat.writeValue(g, value);
    }
  }

  static Map<String, Object> readMap(String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return out;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken token = p.nextToken();
        out.put(
            name,
            switch (token) {
              case VALUE_NUMBER_INT -> p.getLongValue();
              case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
              case VALUE_TRUE -> true;
              case VALUE_FALSE -> false;
              case VALUE_NULL -> null;
              case START_OBJECT -> special(p);
              default -> p.getText();
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Object special(JsonParser p) throws IOException {
    String kind = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      p.nextToken();
      kind = p.getText();
    }
    return MetricValues.parse(kind == null ? "nan" : kind);
  }

  static List<String> readList(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return out;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        out.add(p.getText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
