package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.Template.Arg;
import dev.hydra4j.interpolate.Template.Concat;
import dev.hydra4j.interpolate.Template.Constant;
import dev.hydra4j.interpolate.Template.DictArg;
import dev.hydra4j.interpolate.Template.ListArg;
import dev.hydra4j.interpolate.Template.Literal;
import dev.hydra4j.interpolate.Template.NodeRef;
import dev.hydra4j.interpolate.Template.Piece;
import dev.hydra4j.interpolate.Template.ResolverCall;
import dev.hydra4j.interpolate.Template.Segment;
import dev.hydra4j.interpolate.Template.Single;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resolution pass over one config: evaluates templates, remembers each resolved path so that
 * every node is resolved once however often it is referenced, and keeps the chain of nodes being
 * resolved to name cycles. Not thread-safe; made per call by {@link Interpolator}.
 */
final class Resolution {

  /**
   * How many nodes may be under resolution at once (container nesting plus reference chains). Far
   * beyond real configs, and low enough that resolution ends with an error before the JVM stack
   * does.
   */
  static final int MAX_DEPTH = 200;

  /**
   * The longest string an interpolation may build. Values that repeat each other ({@code x2:
   * ${x1}${x1}}, {@code x3: ${x2}${x2}}, …) double at every step; this stops them long before
   * memory runs out, far above any real value.
   */
  static final int MAX_STRING_LENGTH = 1_000_000;

  private final ConfigMap root;
  private final Resolvers resolvers;
  private final InterpolationContext context;
  private final TemplateCache cache;
  private final Map<ConfigPath, ConfigNode> done = new HashMap<>();
  private final LinkedHashMap<ConfigPath, Failures.Step> active = new LinkedHashMap<>();
  private final KeyLookup lookup = new KeyLookup(this);
  private final ResolvedSize size = new ResolvedSize();
  private Resolution hydra;

  Resolution(
      ConfigMap root, Resolvers resolvers, InterpolationContext context, TemplateCache cache) {
    this.root = root;
    this.resolvers = resolvers;
    this.context = context;
    this.cache = cache;
  }

  /** The very same tree, not an equal one: a cheap test, and an equal copy resolves alike. */
  @SuppressWarnings("ReferenceEquality")
  private boolean isRoot(ConfigMap config) {
    return config == root;
  }

  ConfigMap root() {
    return root;
  }

  InterpolationContext context() {
    return context;
  }

  TemplateCache cache() {
    return cache;
  }

  KeyLookup lookup() {
    return lookup;
  }

  /** The resolution over the hydra config, or {@code null} when the context has none. */
  Resolution hydra() {
    ConfigMap config = context.hydraConfig();
    if (config == null) {
      return null;
    }
    if (isRoot(config)) {
      return this;
    }
    if (hydra == null) {
      hydra = new Resolution(config, resolvers, context, cache);
    }
    return hydra;
  }

  /** The resolved copy of {@code raw}, the node found at {@code path}. */
  ConfigNode resolveNode(ConfigPath path, ConfigNode raw) {
    if (raw instanceof ConfigValue v && !v.isInterpolation()) {
      return raw;
    }
    ConfigNode known = done.get(path);
    if (known != null) {
      return known;
    }
    enter(path, raw);
    ConfigNode result;
    try {
      if (raw instanceof ConfigValue v) {
        Scope scope = new Scope(path, v.origin(), (String) v.value());
        result = evaluateValue(template(scope), scope);
      } else if (raw instanceof ConfigMap map) {
        result = resolveMap(path, map);
      } else {
        result = resolveList(path, (ConfigList) raw);
      }
    } finally {
      leave(path);
    }
    done.put(path, result);
    return result;
  }

  private ConfigNode resolveMap(ConfigPath path, ConfigMap map) {
    ConfigMap.Builder out = ConfigMap.builder(map.origin());
    boolean changed = false;
    for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
      ConfigNode child = resolveNode(path.child(e.getKey()), e.getValue());
      changed |= child != e.getValue();
      out.put(e.getKey(), child);
    }
    if (!changed) {
      return map;
    }
    ConfigMap built = out.build();
    size.check(ResolvedSize.scopeOf(path, map), built);
    return built;
  }

  private ConfigNode resolveList(ConfigPath path, ConfigList list) {
    List<ConfigNode> items = new ArrayList<>(list.size());
    boolean changed = false;
    for (int i = 0; i < list.size(); i++) {
      ConfigNode child = resolveNode(path.child(Integer.toString(i)), list.get(i));
      changed |= child != list.get(i);
      items.add(child);
    }
    if (!changed) {
      return list;
    }
    ConfigList built = new ConfigList(items, list.origin());
    size.check(ResolvedSize.scopeOf(path, list), built);
    return built;
  }

  /** A command word: always a string. */
  String resolveText(String text, Origin origin) {
    Scope scope = new Scope(null, origin, text);
    return concat(template(scope).pieces(), scope);
  }

  Template template(Scope scope) {
    try {
      return cache.template(scope.source());
    } catch (TemplateParser.SyntaxError e) {
      throw Failures.syntax(scope, e);
    }
  }

  private ConfigNode evaluateValue(Template template, Scope scope) {
    if (template.isSingleInterpolation()) {
      Object value = evaluatePiece(template.pieces().get(0), scope);
      return NodeValues.toNode(value, scope.origin()).withOrigin(scope.origin());
    }
    return new ConfigValue(concat(template.pieces(), scope), scope.origin());
  }

  /** A node reference's resolved node, or a resolver's result. */
  Object evaluatePiece(Piece piece, Scope scope) {
    if (piece instanceof Literal literal) {
      return literal.text();
    }
    if (piece instanceof NodeRef ref) {
      return lookup.referenced(ref, scope);
    }
    return callResolver((ResolverCall) piece, scope);
  }

  String concat(List<Piece> pieces, Scope scope) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces) {
      if (piece instanceof Literal literal) {
        out.append(literal.text());
      } else {
        out.append(PythonText.str(NodeValues.plain(evaluatePiece(piece, scope))));
      }
      if (out.length() > MAX_STRING_LENGTH) {
        throw Failures.tooLong(scope, MAX_STRING_LENGTH);
      }
    }
    return out.toString();
  }

  Object evaluateArg(Arg arg, Scope scope) {
    if (arg instanceof Constant c) {
      return c.value();
    }
    if (arg instanceof Single s) {
      return NodeValues.plain(evaluatePiece(s.interpolation(), scope));
    }
    if (arg instanceof Concat c) {
      return concat(c.pieces(), scope);
    }
    if (arg instanceof ListArg list) {
      List<Object> items = new ArrayList<>(list.items().size());
      for (Arg item : list.items()) {
        items.add(evaluateArg(item, scope));
      }
      return Collections.unmodifiableList(items);
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Arg> e : ((DictArg) arg).entries().entrySet()) {
      entries.put(e.getKey(), evaluateArg(e.getValue(), scope));
    }
    return Collections.unmodifiableMap(entries);
  }

  /** A key part's text: plain, or the string value of a nested interpolation. */
  String segmentText(Segment segment, Scope scope) {
    if (segment.text() != null) {
      return segment.text();
    }
    return PythonText.str(NodeValues.plain(evaluatePiece(segment.interpolation(), scope)));
  }

  private Object callResolver(ResolverCall call, Scope scope) {
    StringBuilder name = new StringBuilder();
    for (Segment part : call.name()) {
      name.append(name.length() == 0 ? "" : ".").append(segmentText(part, scope));
    }
    Resolver resolver = resolvers.find(name.toString());
    if (resolver == null) {
      throw Failures.unknownResolver(scope, name.toString(), resolvers);
    }
    List<Object> args = new ArrayList<>(call.args().size());
    for (Arg arg : call.args()) {
      args.add(evaluateArg(arg, scope));
    }
    Object result;
    try {
      result =
          resolver.resolve(
              Collections.unmodifiableList(args), new CallContext(this, name.toString(), scope));
    } catch (InterpolationException e) {
      throw e;
    } catch (ConfigException e) {
      throw Failures.resolverFailed(scope, name.toString(), e.getMessage(), e.hint());
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw Failures.resolverFailed(scope, name.toString(), why, null);
    }
    try {
      return NodeValues.plain(NodeValues.toNode(result, scope.origin()));
    } catch (IllegalArgumentException e) {
      throw Failures.resolverFailed(
          scope,
          name.toString(),
          e.getMessage(),
          "a resolver must return null, a string, number, boolean, list, map or config node");
    }
  }

  /** Marks {@code path} as being resolved; a path met again while active is a cycle. */
  void enter(ConfigPath path, ConfigNode raw) {
    if (active.containsKey(path)) {
      List<Failures.Step> steps = new ArrayList<>();
      boolean inCycle = false;
      for (Map.Entry<ConfigPath, Failures.Step> e : active.entrySet()) {
        inCycle |= e.getKey().equals(path);
        if (inCycle) {
          steps.add(e.getValue());
        }
      }
      throw Failures.cycle(steps);
    }
    String text =
        raw instanceof ConfigValue v
            ? String.valueOf(v.value())
            : raw instanceof ConfigMap ? "{...}" : "[...]";
    if (active.size() >= MAX_DEPTH) {
      throw Failures.tooDeep(new Scope(path, raw.origin(), text), MAX_DEPTH);
    }
    active.put(path, new Failures.Step(path, text, raw.origin()));
  }

  void leave(ConfigPath path) {
    active.remove(path);
  }

  /** A node already resolved at {@code path}, or {@code null}. */
  ConfigNode resolvedAt(ConfigPath path) {
    return done.get(path);
  }
}
