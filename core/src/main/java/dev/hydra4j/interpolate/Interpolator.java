package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.Template.NodeRef;
import dev.hydra4j.interpolate.Template.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves OmegaConf 2.2 interpolations in a config: {@code ${a.b}}, {@code ${a[0]}}, relative
 * {@code ${.x}} / {@code ${..x}}, nested {@code ${foo.${bar}}}, string interpolation {@code
 * run_${a}_${b}}, escaped {@code \${…}} and resolver calls {@code ${name:arg,…}}.
 *
 * <p>A value that is exactly one {@code ${…}} takes the type of what it refers to (an int stays an
 * int, a mapping stays a mapping); any other value becomes a string, each part converted as
 * Python's {@code str()} would ({@code True}, {@code None}, {@code 0.001}). A result that contains
 * <code>${</code> (from <code>\${</code>, or a resolver's output) is kept literally and never
 * resolved again, as in OmegaConf.
 *
 * <p>Thread-safe and cheap to share; each call resolves independently. Parsed strings are cached
 * process-wide, so a sweep parses each distinct string once.
 */
public final class Interpolator {

  private final Resolvers resolvers;
  private final InterpolationContext context;

  public Interpolator(Resolvers resolvers, InterpolationContext context) {
    this.resolvers = Objects.requireNonNull(resolvers, "resolvers");
    this.context = Objects.requireNonNull(context, "context");
  }

  public Resolvers resolvers() {
    return resolvers;
  }

  public InterpolationContext context() {
    return context;
  }

  /**
   * A copy of {@code root} with every interpolation resolved. Unreferenced {@code ???} values stay
   * {@code ???}; every node keeps its origin, and a node that replaced an interpolation has the
   * origin of the interpolation.
   *
   * @throws InterpolationException for the first interpolation that cannot be resolved
   */
  public ConfigMap resolveAll(ConfigMap root) {
    return (ConfigMap) newResolution(root).resolveNode(ConfigPath.ROOT, root);
  }

  /**
   * The resolved node at {@code path} (mappings and lists resolved all the way down). The path may
   * pass through interpolations; a {@code ???} node is returned as is.
   *
   * @throws InterpolationException when the path does not exist or cannot be resolved
   */
  public ConfigNode resolve(ConfigMap root, ConfigPath path) {
    Resolution resolution = newResolution(root);
    List<Segment> segments = new ArrayList<>();
    for (String segment : path.segments()) {
      segments.add(Segment.plain(segment));
    }
    Scope scope = new Scope(null, root.origin(), path.toString());
    KeyLookup.Located at =
        resolution.lookup().locate(new NodeRef(0, segments, path.toString()), scope, true);
    if (at == null) {
      throw Failures.keyNotFound(scope, path.toString(), "check the key against the config");
    }
    return resolution.lookup().resolved(at);
  }

  /** {@link #resolveString(String, ConfigMap, Origin)} with the word itself as the origin. */
  public String resolveString(String text, ConfigMap root) {
    return resolveString(text, root, Origin.of("command word '" + text + "'"));
  }

  /**
   * A string with its interpolations replaced, for command words such as {@code
   * --lr=${training.lr}}. Relative keys start at the root. The result is always a string, even when
   * {@code text} is one {@code ${…}} ({@code ${flag}} gives {@code True}).
   *
   * @param origin where the word comes from, for error messages
   */
  public String resolveString(String text, ConfigMap root, Origin origin) {
    if (!text.contains("${")) {
      return text;
    }
    return newResolution(root).resolveText(text, origin);
  }

  private Resolution newResolution(ConfigMap root) {
    return new Resolution(
        Objects.requireNonNull(root, "root"), resolvers, context, TemplateCache.SHARED);
  }
}
