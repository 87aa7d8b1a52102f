package dev.hydra4j.override;

/**
 * Parses Hydra 1.3 command-line overrides:
 *
 * <pre>
 * override : key '=' value?            // key=value, key= (the empty string)
 *          | '~' key ('=' value?)?     // ~key, ~key=value
 *          | '+' '+'? key '=' value?   // +key=value, ++key=value
 * key      : (name | ID ('/' ID)+) ('@' name?)?
 * name     : ID | $-name | dotted path (a.b.0.c), or nothing
 * </pre>
 *
 * The value grammar lives in {@link ValueParser}. Whitespace is allowed after {@code =} and inside
 * values, never in keys.
 */
public final class OverrideParser {

  private OverrideParser() {}

  /**
   * One override as written on the command line, parsed.
   *
   * @throws OverrideParseException with the column of the first character that does not fit
   */
  public static ParsedOverride parse(String text) {
    KeyReader key = new KeyReader(text);
    OverrideType type = key.prefix();
    String name = key.keyOrGroup();
    String packageName = key.packageName();
    int equals = key.end();
    if (equals == text.length()) {
      if (type != OverrideType.DEL) {
        throw new OverrideParseException(
            "Missing '=' after the key '" + name + "'",
            text,
            equals + 1,
            type == OverrideType.CHANGE
                ? "write " + name + "=VALUE to set it, or ~" + name + " to delete it"
                : "write " + text + "=VALUE");
      }
      return new ParsedOverride(type, name, packageName, null, text);
    }
    int valueStart = equals + 1;
    while (valueStart < text.length() && ValueLexer.isWs(text.charAt(valueStart))) {
      valueStart++;
    }
    OverrideValue value =
        valueStart == text.length()
            ? new Element("")
            : new ValueParser(text, valueStart).parseValue();
    return new ParsedOverride(type, name, packageName, value, text);
  }
}
