package dev.hydra4j.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes a config tree as JSON. Floats are written as Python's {@code repr} prints them ({@code
 * 1e-05}, {@code 0.1}), as Python's {@code json.dumps} would; JSON has no infinity or NaN, so those
 * are written as the strings {@code "inf"}, {@code "-inf"} and {@code "nan"}. Jackson is referenced
 * only here, so it loads only when JSON is written.
 */
public final class JsonWriter {

  private JsonWriter() {}

  /** One factory for every writing (it is thread-safe); made on first use, not at class load. */
  private static final class Factory {
    static final JsonFactory JSON = new JsonFactory();
  }

  /** {@code node} as JSON text: indented by two spaces when {@code pretty}, else compact. */
  public static String toJson(ConfigNode node, boolean pretty) {
    StringWriter out = new StringWriter();
    write(node, out, pretty);
    return out.toString();
  }

  /** Writes {@code node} as JSON to {@code out} (not closed); a newline ends pretty output. */
  public static void write(ConfigNode node, Writer out, boolean pretty) {
    try (JsonGenerator json = Factory.JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        json.setPrettyPrinter(new TwoSpaces());
      }
      value(json, node);
      json.flush();
      if (pretty) {
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void value(JsonGenerator json, ConfigNode node) throws IOException {
    if (node instanceof ConfigMap map) {
      json.writeStartObject();
      for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
        json.writeFieldName(e.getKey());
        value(json, e.getValue());
      }
      json.writeEndObject();
    } else if (node instanceof ConfigList list) {
      json.writeStartArray();
      for (ConfigNode item : list.items()) {
        value(json, item);
      }
      json.writeEndArray();
    } else {
      scalar(json, ((ConfigValue) node).value());
    }
  }

  private static void scalar(JsonGenerator json, Object v) throws IOException {
    if (v == null) {
      json.writeNull();
    } else if (v instanceof String s) {
      json.writeString(s);
    } else if (v instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (v instanceof Long l) {
      json.writeNumber(l);
    } else if (v instanceof BigInteger b) {
      json.writeNumber(b);
    } else {
      double d = (Double) v;
      if (Double.isFinite(d)) {
        json.writeNumber(PythonFloat.repr(d));
      } else {
        json.writeString(PythonFloat.repr(d));
      }
    }
  }

  /**
   * Python's {@code json.dumps(indent=2)} layout: one entry per line, {@code "key": value}, and
   * empty containers as {@code {}} and {@code []}.
   */
  private static final class TwoSpaces implements PrettyPrinter {
    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      open(g, '{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      close(g, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      open(g, '[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      close(g, ']', values);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      newline(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      newline(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      newline(g);
    }

    private void open(JsonGenerator g, char bracket) throws IOException {
      g.writeRaw(bracket);
      depth++;
    }

    private void close(JsonGenerator g, char bracket, int count) throws IOException {
      depth--;
      if (count > 0) {
        newline(g);
      }
      g.writeRaw(bracket);
    }

    private void newline(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
      g.writeRaw("  ".repeat(depth));
    }
  }
}
