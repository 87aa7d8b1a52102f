package dev.hydra4j.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValueType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a HOCON ({@code .conf}) config file with Typesafe Config used only as a parser: the file is
 * never resolved, so {@code ${a.b}} stays an interpolation for hydra4j's own interpolator and may
 * refer to keys of other files, exactly like {@code ${a.b}} in YAML. A concatenation such as {@code
 * run_${a}} becomes the one string {@code "run_${a}"}.
 *
 * <p>Not supported, each with a clear error: optional substitutions {@code ${?x}} (they mean
 * "absent if undefined", which has no OmegaConf equivalent: use {@code ${x}} or {@code
 * ${oc.env:X,default}}), {@code +=} and a key set twice where one of the values is a substitution
 * (both need HOCON's own resolution), and {@code include} (use the defaults list). All Typesafe
 * types stay inside this class, so they load only when a {@code .conf} file is read.
 */
final class HoconReader {

  /** As deep as YAML files may nest. */
  private static final int MAX_DEPTH = 500;

  private static final Pattern LINE_RANGE = Pattern.compile(": \\d+-(\\d+)$");

  private final String file;
  private final String[] lines;

  private HoconReader(String file, String text) {
    this.file = file;
    this.lines = text.split("\n", -1);
  }

  static ConfigFile read(String text, String displayPath) {
    String header = PackageHeader.find(text, displayPath, true);
    HoconReader reader = new HoconReader(displayPath, text);
    ConfigParseOptions options =
        ConfigParseOptions.defaults()
            .setSyntax(ConfigSyntax.CONF)
            .setOriginDescription(displayPath)
            .setAllowMissing(false)
            .setIncluder(reader.new RefusingIncluder());
    reader.requireShallow(text);
    ConfigObject root;
    try {
      root = ConfigFactory.parseString(text, options).root();
      return new ConfigFile(reader.object(root), header);
    } catch (com.typesafe.config.ConfigException e) {
      throw reader.parseError(e);
    } catch (StackOverflowError e) {
      // Typesafe Config parses recursively; a nesting our scan did not see (a very long
      // dotted key) still ends here, as the same error.
      throw new ConfigException(
          "HOCON nesting is too deep to read",
          Origin.ofFile(displayPath, 0, 0),
          "flatten the structure");
    }
  }

  /**
   * Refuses brackets nested deeper than {@link #MAX_DEPTH} before Typesafe Config, which parses
   * recursively, runs out of stack on them. Quoted text and comments are skipped.
   */
  private void requireShallow(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        boolean triple = text.startsWith("\"\"\"", i);
        int end = triple ? text.indexOf("\"\"\"", i + 3) : i + 1;
        while (!triple
            && end < text.length()
            && text.charAt(end) != '"'
            && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        i = end < 0 ? text.length() : triple ? end + 2 : end;
      } else if (c == '#' || (c == '/' && text.startsWith("//", i))) {
        int end = text.indexOf('\n', i);
        i = (end < 0 ? text.length() : end) - 1;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          throw new ConfigException(
              "Config nesting is deeper than " + MAX_DEPTH + " levels",
              ConfigText.originAt(text, i, file),
              "flatten the structure");
        }
      } else if (c == '}' || c == ']') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  private ConfigMap object(ConfigObject object) {
    List<Map.Entry<String, com.typesafe.config.ConfigValue>> entries =
        new ArrayList<>(object.entrySet());
    // Typesafe keeps keys in a hash map; their order in the file comes back from origins.
    entries.sort(
        Comparator.comparingInt(
                (Map.Entry<String, com.typesafe.config.ConfigValue> e) ->
                    e.getValue().origin().lineNumber())
            .thenComparingInt(e -> keyColumn(e.getValue().origin().lineNumber(), e.getKey()))
            .thenComparing(Map.Entry::getKey));
    ConfigMap.Builder out = ConfigMap.builder(origin(object, null));
    for (Map.Entry<String, com.typesafe.config.ConfigValue> e : entries) {
      out.put(e.getKey(), node(e.getValue(), e.getKey()));
    }
    return out.build();
  }

  private ConfigNode node(com.typesafe.config.ConfigValue value, String key) {
    Origin origin = origin(value, key);
    ConfigValueType type;
    try {
      type = value.valueType();
    } catch (com.typesafe.config.ConfigException.NotResolved e) {
      return new ConfigValue(
          HoconSubstitutions.interpolation(
              value.render(ConfigRenderOptions.concise().setJson(false)), key, origin),
          origin);
    }
    return switch (type) {
      case OBJECT -> object((ConfigObject) value);
      case LIST -> list((com.typesafe.config.ConfigList) value, origin);
      case NUMBER -> new ConfigValue(number(value), origin);
      case BOOLEAN, STRING -> new ConfigValue(value.unwrapped(), origin);
      case NULL -> new ConfigValue(null, origin);
    };
  }

  private ConfigList list(com.typesafe.config.ConfigList list, Origin origin) {
    List<ConfigNode> items = new ArrayList<>(list.size());
    for (com.typesafe.config.ConfigValue item : list) {
      items.add(node(item, null));
    }
    return new ConfigList(items, origin);
  }

  /**
   * A number typed by the text it was written as: Typesafe stores {@code 2.0} as the int 2, but a
   * config author who writes {@code lr = 1.0} means a float, as in YAML.
   */
  private static Object number(com.typesafe.config.ConfigValue value) {
    String text = value.atKey("n").getString("n");
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return Double.parseDouble(text);
    }
    try {
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      return value.unwrapped();
    }
  }

  /**
   * Typesafe origins carry no column; for a key we find where it is written on its line (as a whole
   * word followed by '=', ':', '{' or '.'), so that entries sharing a line keep their order and
   * origins point at the entry.
   */
  private int keyColumn(int line, String key) {
    if (key == null || key.isEmpty() || line < 1 || line > lines.length) {
      return Integer.MAX_VALUE;
    }
    String text = lines[line - 1];
    int quoted = text.indexOf('"' + key + '"');
    if (quoted >= 0) {
      return quoted;
    }
    for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      int after = at + key.length();
      boolean startsWord = at == 0 || !isKeyChar(text.charAt(at - 1));
      while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
        after++;
      }
      if (startsWord && after < text.length() && "=:{.+".indexOf(text.charAt(after)) >= 0) {
        return at;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private Origin origin(com.typesafe.config.ConfigValue value, String key) {
    int line = Math.max(value.origin().lineNumber(), 0);
    // A key set on several lines has an origin "file: 3-7"; its last line is where the
    // value that won (or the '+=' that needs resolution) is written.
    Matcher range = LINE_RANGE.matcher(value.origin().description());
    if (range.find()) {
      line = Integer.parseInt(range.group(1));
    }
    int column = keyColumn(line, key);
    return Origin.ofFile(file, line, column == Integer.MAX_VALUE ? 0 : column + 1);
  }

  private ConfigException parseError(com.typesafe.config.ConfigException e) {
    if (e instanceof com.typesafe.config.ConfigException.WrongType) {
      return new ConfigException(
          "The top level of a config file must be a mapping, but " + file + " holds a list",
          Origin.ofFile(file, 1, 0),
          "write 'key = value' lines at the top level; a config file is merged into the "
              + "config by its keys",
          e);
    }
    int line = e.origin() == null ? 0 : Math.max(e.origin().lineNumber(), 0);
    String message = e.getMessage();
    String prefix = e.origin() == null ? null : e.origin().description() + ": ";
    if (prefix != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length()).strip();
    }
    return new ConfigException(
        "HOCON syntax error: " + message,
        Origin.ofFile(file, line, 0),
        "check the brackets, quotes and separators on this line; quote values that contain "
            + "'=', ':', '{', '}', '[', ']', ',' or '#'",
        e);
  }

  /**
   * Refuses every {@code include} form: plain, {@code file(…)}, {@code url(…)}, {@code
   * classpath(…)}, each also inside {@code required(…)}. Typesafe Config handles the {@code file},
   * {@code url} and {@code classpath} forms itself (a URL is fetched) unless the includer
   * implements their interfaces, so this one implements them all and never reads or fetches
   * anything: composing must not depend on files outside the tree or on the network.
   */
  private final class RefusingIncluder
      implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
      return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
      throw refused("\"" + what + "\"", what);
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, java.io.File what) {
      throw refused("file(\"" + what + "\")", what.getPath());
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, java.net.URL what) {
      throw refused("url(\"" + what + "\")", what.toString());
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
      throw refused("classpath(\"" + what + "\")", what);
    }

    private ConfigException refused(String form, String target) {
      int line = 0;
      for (int i = 0; i < lines.length && line == 0; i++) {
        String text = lines[i].strip();
        if (text.startsWith("include") && text.contains(target)) {
          line = i + 1;
        }
      }
      for (int i = 0; i < lines.length && line == 0; i++) {
        if (lines[i].strip().startsWith("include")) {
          line = i + 1;
        }
      }
      int column = line == 0 ? 0 : lines[line - 1].indexOf("include") + 1;
      return new ConfigException(
          "HOCON 'include "
              + form
              + "' is not supported: a config"
              + " file cannot bring in other files, URLs or classpath resources",
          Origin.ofFile(file, line, column),
          "compose files through the defaults list instead (defaults: [ ... ] in the"
              + " primary config, or a group=option override)");
    }
  }
}
