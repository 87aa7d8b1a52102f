package dev.hydra4j.interpolate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed interpolation string: literal text interleaved with {@code ${…}} pieces. Parsing happens
 * once per distinct string (see {@link Interpolator}); evaluation walks these values.
 *
 * @param source the text as written in the config
 * @param pieces literal text and interpolations, in order; adjacent literals are merged
 */
record Template(String source, List<Piece> pieces) {

  Template {
    pieces = List.copyOf(pieces);
  }

  /**
   * True when the whole text is one {@code ${…}}: its value keeps the referenced type (OmegaConf:
   * "primitive interpolation types are inherited from the reference").
   */
  boolean isSingleInterpolation() {
    return pieces.size() == 1 && !(pieces.get(0) instanceof Literal);
  }

  /** One fragment of an interpolation string. */
  sealed interface Piece permits Literal, NodeRef, ResolverCall {}

  /** Text taken as is (escapes already applied). */
  record Literal(String text) implements Piece {}

  /**
   * {@code ${a.b[0]}}, {@code ${..x}}: a reference to another node.
   *
   * @param dots leading dots; 0 is absolute, 1 is the node's own container, each more goes up
   * @param segments the keys after the dots
   * @param source the {@code ${…}} text, for messages
   */
  record NodeRef(int dots, List<Segment> segments, String source) implements Piece {
    NodeRef {
      segments = List.copyOf(segments);
    }
  }

  /**
   * {@code ${name:arg,…}}: a resolver call.
   *
   * @param name the dotted name's parts; a part may itself be an interpolation
   */
  record ResolverCall(List<Segment> name, List<Arg> args, String source) implements Piece {
    ResolverCall {
      name = List.copyOf(name);
      args = List.copyOf(args);
    }
  }

  /** One key of a path: plain text, or a nested interpolation whose value names the key. */
  record Segment(String text, Piece interpolation) {
    static Segment plain(String text) {
      return new Segment(text, null);
    }

    static Segment nested(Piece interpolation) {
      return new Segment(null, interpolation);
    }
  }

  /** A resolver argument, typed the way OmegaConf's grammar types it. */
  sealed interface Arg permits Constant, Single, Concat, ListArg, DictArg {}

  /** An unquoted primitive: {@code 1}, {@code 1e-3}, {@code true}, {@code null}, {@code abc}. */
  record Constant(Object value) implements Arg {}

  /** An unquoted argument that is exactly one interpolation: keeps the value's type. */
  record Single(Piece interpolation) implements Arg {}

  /** A quoted argument, or an unquoted one mixing text and interpolations: always a string. */
  record Concat(List<Piece> pieces) implements Arg {
    Concat {
      pieces = List.copyOf(pieces);
    }
  }

  /** {@code [a, b]}. */
  record ListArg(List<Arg> items) implements Arg {
    ListArg {
      items = List.copyOf(items);
    }
  }

  /** {@code {k: v}}, in the order written. */
  record DictArg(Map<String, Arg> entries) implements Arg {
    DictArg {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }
}
