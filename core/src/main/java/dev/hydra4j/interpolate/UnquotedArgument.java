package dev.hydra4j.interpolate;

import dev.hydra4j.interpolate.Template.Arg;
import dev.hydra4j.interpolate.Template.Concat;
import dev.hydra4j.interpolate.Template.Constant;
import dev.hydra4j.interpolate.Template.Literal;
import dev.hydra4j.interpolate.Template.Piece;
import dev.hydra4j.interpolate.Template.Single;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one unquoted resolver argument. OmegaConf strips unescaped blanks at both ends ({@code
 * "foo, bar "} is {@code foo} and {@code bar}), keeps inner ones, turns {@code \,} {@code \ } and
 * friends into the character, and types the result: a lone number, boolean or {@code null} becomes
 * that value, a lone {@code ${…}} keeps the referenced type, and any mix is a string.
 */
final class UnquotedArgument {

  /** Characters an unquoted argument may hold besides letters, digits and blanks. */
  private static final String EXTRA = "_/-+.$%*@?|";

  /** Characters that a backslash turns into themselves. */
  private static final String ESCAPABLE = "\\[]{}():=, \t";

  /** One read character, or an interpolation; escaped characters never count as blanks. */
  private record Item(char c, boolean escaped, Piece interpolation) {
    boolean isBlank() {
      return interpolation == null && !escaped && (c == ' ' || c == '\t');
    }
  }

  private UnquotedArgument() {}

  private static boolean allowed(char c) {
    return Character.isLetterOrDigit(c) || EXTRA.indexOf(c) >= 0 || c == ' ' || c == '\t';
  }

  static Arg read(TemplateParser parser, String stops) {
    String s = parser.source();
    List<Item> items = new ArrayList<>();
    boolean escapes = false;
    while (parser.position() < s.length()) {
      int i = parser.position();
      char c = s.charAt(i);
      if (stops.indexOf(c) >= 0) {
        break;
      }
      if (c == '\\' && i + 1 < s.length() && ESCAPABLE.indexOf(s.charAt(i + 1)) >= 0) {
        items.add(new Item(s.charAt(i + 1), true, null));
        escapes = true;
        parser.advance(2);
      } else if (c == '\\') {
        // A backslash that escapes nothing stays a backslash (Windows paths).
        items.add(new Item(c, true, null));
        parser.advance(1);
      } else if (c == '$' && s.startsWith("${", i)) {
        items.add(new Item((char) 0, false, parser.nestedInterpolation()));
      } else if (allowed(c)) {
        items.add(new Item(c, false, null));
        parser.advance(1);
      } else {
        throw parser.error("character '" + c + "' is not allowed in an unquoted argument");
      }
    }
    int from = 0;
    int to = items.size();
    while (from < to && items.get(from).isBlank()) {
      from++;
    }
    while (to > from && items.get(to - 1).isBlank()) {
      to--;
    }
    List<Item> kept = items.subList(from, to);
    if (kept.size() == 1 && kept.get(0).interpolation() != null) {
      return new Single(kept.get(0).interpolation());
    }
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (Item item : kept) {
      if (item.interpolation() == null) {
        literal.append(item.c());
      } else {
        if (literal.length() > 0) {
          pieces.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        pieces.add(item.interpolation());
      }
    }
    if (pieces.isEmpty()) {
      String word = literal.toString();
      return new Constant(escapes ? word : Primitive.typed(word));
    }
    if (literal.length() > 0) {
      pieces.add(new Literal(literal.toString()));
    }
    return new Concat(pieces);
  }
}
