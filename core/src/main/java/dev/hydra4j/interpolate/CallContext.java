package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.Template.Arg;
import dev.hydra4j.interpolate.Template.NodeRef;
import java.time.ZonedDateTime;
import java.util.Optional;

/** The {@link ResolverContext} of one resolver call. */
final class CallContext implements ResolverContext {

  private final Resolution resolution;
  private final String name;
  private final Scope scope;

  CallContext(Resolution resolution, String name, Scope scope) {
    this.resolution = resolution;
    this.name = name;
    this.scope = scope;
  }

  @Override
  public String resolverName() {
    return name;
  }

  @Override
  public ConfigPath key() {
    return scope.key() == null ? ConfigPath.ROOT : scope.key();
  }

  @Override
  public Origin origin() {
    return scope.origin();
  }

  @Override
  public ConfigMap root() {
    return resolution.root();
  }

  @Override
  public String env(String variable) {
    return resolution.context().env(variable);
  }

  @Override
  public ZonedDateTime now() {
    return resolution.context().now();
  }

  @Override
  public Optional<ConfigNode> select(String key) {
    return select(resolution, key, scope);
  }

  @Override
  public Optional<ConfigNode> selectHydra(String key) {
    Resolution hydra = resolution.hydra();
    if (hydra == null) {
      return Optional.empty();
    }
    // Keys in the hydra config are absolute; a relative one would have no node to start from.
    String path = key == null || key.isBlank() ? "hydra" : "hydra." + key.strip();
    return select(hydra, path, new Scope(null, scope.origin(), scope.source()));
  }

  private Optional<ConfigNode> select(Resolution in, String key, Scope from) {
    NodeRef ref;
    try {
      ref = in.cache().key(key);
    } catch (TemplateParser.SyntaxError e) {
      throw failure(
          "'" + key + "' is not a valid key: " + e.getMessage(),
          "write a key like a.b, list[0] or .sibling");
    }
    KeyLookup.Located at = in.lookup().locate(ref, from, true);
    return at == null ? Optional.empty() : Optional.of(in.lookup().resolved(at));
  }

  @Override
  public Object decode(String text) {
    Arg element;
    try {
      element = resolution.cache().element(text);
    } catch (TemplateParser.SyntaxError e) {
      throw failure(
          "cannot decode '"
              + text
              + "': "
              + e.getMessage()
              + " (at character "
              + (e.index + 1)
              + ")",
          "quote a string that should stay a string: \"'text'\"");
    }
    return resolution.evaluateArg(element, scope);
  }

  @Override
  public InterpolationException failure(String message, String hint) {
    return Failures.resolverFailed(scope, name, message, hint);
  }
}
