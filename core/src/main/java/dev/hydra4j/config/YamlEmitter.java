package dev.hydra4j.config;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes a config tree as PyYAML's emitter writes what OmegaConf hands it ({@code yaml.dump(...,
 * default_flow_style=False, allow_unicode=True)}): block collections with a 2-space indent,
 * sequences inside mappings not indented further, empty collections as {@code {}} and {@code []},
 * and scalars wrapped at column 80. The state kept here (column, indent stack, "last write was
 * whitespace", "still in indentation") is the emitter's own, because its line-wrapping and spacing
 * decisions depend on exactly that state.
 */
final class YamlEmitter {

  private static final int BEST_WIDTH = 80;
  private static final int BEST_INDENT = 2;
  private static final int NO_INDENT = -1;

  /** Indentation is copied from here rather than made for every line. */
  private static final String SPACES = " ".repeat(64);

  private enum Style {
    PLAIN,
    SINGLE,
    DOUBLE
  }

  private final StringBuilder out = new StringBuilder();
  private final boolean sortKeys;
  private final Deque<Integer> indents = new ArrayDeque<>();
  private int indent = NO_INDENT;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private boolean openEnded;

  YamlEmitter(boolean sortKeys) {
    this.sortKeys = sortKeys;
  }

  String document(ConfigNode root) {
    node(root, false, true);
    writeIndent();
    if (openEnded) {
      // PyYAML ends a document whose root is a plain scalar with an explicit '...'.
      writeIndicator("...", true, false, false);
      writeIndent();
    }
    return out.toString();
  }

  private void node(ConfigNode node, boolean mappingContext, boolean root) {
    if (node instanceof ConfigMap map) {
      if (map.isEmpty()) {
        emptyCollection("{", "}");
      } else if (mappingContext && !indention) {
        nestedMapping(map);
      } else {
        mapping(map);
      }
    } else if (node instanceof ConfigList list) {
      if (list.size() == 0) {
        emptyCollection("[", "]");
      } else {
        sequence(list, mappingContext);
      }
    } else {
      ConfigValue value = (ConfigValue) node;
      scalar(Scalar.of(value.value()), false, root);
    }
  }

  private void emptyCollection(String open, String close) {
    writeIndicator(open, true, true, false);
    writeIndicator(close, false, false, false);
  }

  private void mapping(ConfigMap map) {
    increaseIndent(false, false);
    List<Map.Entry<String, ConfigNode>> entries = new ArrayList<>(map.entries().entrySet());
    if (sortKeys) {
      // Python sorts str keys by code point, not by UTF-16 unit.
      entries.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
    }
    for (Map.Entry<String, ConfigNode> entry : entries) {
      writeIndent();
      Scalar key = Scalar.of(entry.getKey());
      if (isSimpleKey(key)) {
        scalar(key, true, false);
        writeIndicator(":", false, false, false);
      } else {
        writeIndicator("?", true, false, true);
        scalar(key, false, false);
        writeIndent();
        writeIndicator(":", true, false, true);
      }
      node(entry.getValue(), true, false);
    }
    indent = indents.pop();
  }

  /**
   * A mapping that is a mapping's value: it starts on a new line at an indent that depends only on
   * where it is, so its text depends only on the mapping and that indent, and is reused when the
   * same mapping is written again (see {@link EmittedMappings}).
   */
  private void nestedMapping(ConfigMap map) {
    EmittedMappings.Emitted seen = EmittedMappings.get(map, indent, sortKeys);
    if (seen != null && seen.text() != null) {
      out.append(seen.text());
      column = seen.column();
      whitespace = seen.whitespace();
      indention = seen.indention();
      openEnded = seen.openEnded();
      return;
    }
    int start = out.length();
    mapping(map);
    EmittedMappings.put(
        map,
        indent,
        sortKeys,
        seen == null
            ? null
            : new EmittedMappings.Emitted(
                out.substring(start), column, whitespace, indention, openEnded));
  }

  private void sequence(ConfigList list, boolean mappingContext) {
    // PyYAML's "indentless" sequence: a list that is a mapping's value starts at the key's
    // column ("a:\n- 1") unless the emitter is still inside the line's indentation.
    increaseIndent(false, mappingContext && !indention);
    for (ConfigNode item : list.items()) {
      writeIndent();
      writeIndicator("-", true, false, true);
      node(item, false, false);
    }
    indent = indents.pop();
  }

  /**
   * PyYAML allows a simple key when it is one line and, with its "!!str" tag counted as the emitter
   * counts it (5 characters), shorter than 128; longer keys use "? key".
   */
  private static boolean isSimpleKey(Scalar key) {
    return !key.analysis.empty()
        && !key.analysis.multiline()
        && key.analysis.codePoints().length + 5 < 128;
  }

  private void scalar(Scalar scalar, boolean simpleKey, boolean root) {
    ScalarAnalysis analysis = scalar.analysis;
    Style style = chooseStyle(scalar, simpleKey);
    increaseIndent(true, false);
    boolean split = !simpleKey;
    int[] text = analysis.codePoints();
    switch (style) {
      case PLAIN -> {
        if (root) {
          openEnded = true;
        }
        writePlain(text, split);
      }
      case SINGLE -> ScalarWriters.singleQuoted(this, text, split);
      case DOUBLE -> ScalarWriters.doubleQuoted(this, text, split);
    }
    indent = indents.pop();
  }

  private static Style chooseStyle(Scalar scalar, boolean simpleKey) {
    ScalarAnalysis a = scalar.analysis;
    if (!scalar.quoteRequested
        && scalar.implicitPlain
        && !(simpleKey && (a.empty() || a.multiline()))
        && a.allowBlockPlain()) {
      return Style.PLAIN;
    }
    if (a.allowSingleQuoted() && !(simpleKey && a.multiline())) {
      return Style.SINGLE;
    }
    return Style.DOUBLE;
  }

  private void writePlain(int[] text, boolean split) {
    if (text.length == 0) {
      return;
    }
    if (!whitespace) {
      append(" ");
    }
    whitespace = false;
    indention = false;
    // Plain scalars never hold line breaks (the analysis forbids it), only spaces.
    int start = 0;
    boolean spaces = false;
    for (int end = 0; end <= text.length; end++) {
      int ch = end < text.length ? text[end] : -1;
      if (spaces) {
        if (ch != ' ') {
          if (start + 1 == end && column > BEST_WIDTH && split) {
            writeIndent();
            whitespace = false;
            indention = false;
          } else {
            append(text, start, end);
          }
          start = end;
        }
      } else if (ch == -1 || ch == ' ') {
        append(text, start, end);
        start = end;
      }
      if (ch != -1) {
        spaces = ch == ' ';
      }
    }
  }

  // ---- the emitter's primitive writes, shared with ScalarWriters ----

  int column() {
    return column;
  }

  void increaseIndent(boolean flow, boolean indentless) {
    indents.push(indent);
    if (indent == NO_INDENT) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  void writeIndicator(
      String indicator, boolean needWhitespace, boolean thenWhitespace, boolean keepIndention) {
    String data = whitespace || !needWhitespace ? indicator : " " + indicator;
    whitespace = thenWhitespace;
    indention = indention && keepIndention;
    openEnded = false;
    append(data);
  }

  void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      writeLineBreak('\n');
    }
    if (column < target) {
      whitespace = true;
      int n = target - column;
      if (n <= SPACES.length()) {
        out.append(SPACES, 0, n);
        column += n;
      } else {
        append(" ".repeat(n));
      }
    }
  }

  void writeLineBreak(int br) {
    whitespace = true;
    indention = true;
    out.appendCodePoint(br);
    column = 0;
  }

  /** After a wrap inside a scalar, the next text is neither whitespace nor indentation. */
  void markText() {
    whitespace = false;
    indention = false;
  }

  void append(String data) {
    out.append(data);
    column += data.codePointCount(0, data.length());
  }

  void append(int[] text, int start, int end) {
    for (int i = start; i < end; i++) {
      int ch = text[i];
      if (ch < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        out.append((char) ch);
      } else {
        out.appendCodePoint(ch);
      }
    }
    column += end - start;
  }

  private static int compareCodePoints(String a, String b) {
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /** A scalar's text as PyYAML's representer produces it, with what decides its style. */
  private record Scalar(ScalarAnalysis analysis, boolean quoteRequested, boolean implicitPlain) {

    /**
     * Strings already analysed: a sweep writes the same keys and most of the same values for every
     * job (the whole {@code hydra:} node), and the analysis was a fifth of a short job's cost.
     */
    private static final java.util.Map<String, Scalar> SEEN =
        new java.util.concurrent.ConcurrentHashMap<>();

    // Bounded for a long-lived JVM: the keys and values shared by jobs come first, job-unique
    // ones (directories) fill the rest; at most ~4,096 × 160 characters stay. The code points
    // handed out are shared: nothing writes to them.
    private static final int SEEN_LIMIT = 4_096;
    private static final int SEEN_MAX_LENGTH = 160;

    static Scalar of(Object value) {
      if (value instanceof String s) {
        Scalar seen = SEEN.get(s);
        if (seen != null) {
          return seen;
        }
        Scalar made = ofString(s);
        if (s.length() <= SEEN_MAX_LENGTH && SEEN.size() < SEEN_LIMIT) {
          SEEN.put(s, made);
        }
        return made;
      }
      return new Scalar(ScalarAnalysis.of(text(value)), false, true);
    }

    private static Scalar ofString(String s) {
      // OmegaConf's str representer asks for single quotes when Python would read the
      // text as a bool (YAML 1.1 plus y/n), an int or a float; PyYAML then refuses
      // plain style for any text its own resolver would read as something else.
      boolean quote =
          OMEGACONF_BOOLS.contains(s)
              || PythonNumberSyntax.isInt(s)
              || PythonNumberSyntax.isFloat(s);
      boolean implicit =
          !s.isEmpty()
              && YamlImplicitTypes.kind(s, YamlImplicitTypes.Flavour.PYYAML_DUMPER)
                  == YamlImplicitTypes.Kind.STRING;
      return new Scalar(ScalarAnalysis.of(s), quote, implicit);
    }

    private static String text(Object value) {
      if (value == null) {
        return "null";
      }
      if (value instanceof Double d) {
        return floatText(d);
      }
      if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean) {
        return value.toString();
      }
      throw new IllegalArgumentException("not a scalar: " + value.getClass().getName());
    }

    /** PyYAML's float representer: repr, lower case, ".0" added before a bare exponent. */
    private static String floatText(double d) {
      if (Double.isNaN(d)) {
        return ".nan";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? ".inf" : "-.inf";
      }
      String repr = PythonFloat.repr(d).toLowerCase(java.util.Locale.ROOT);
      if (repr.indexOf('.') < 0 && repr.indexOf('e') >= 0) {
        repr = repr.replaceFirst("e", ".0e");
      }
      return repr;
    }
  }

  private static final java.util.Set<String> OMEGACONF_BOOLS =
      java.util.Set.of(
          "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
          "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
}
