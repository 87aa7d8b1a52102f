package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;
import dev.hydra4j.interpolate.InterpolationException.Kind;
import java.util.List;

/** The wording of every interpolation error, in one place so they read alike. */
final class Failures {

  /** One node on the way around a cycle. */
  record Step(ConfigPath key, String text, Origin origin) {}

  private Failures() {}

  static InterpolationException syntax(Scope scope, TemplateParser.SyntaxError e) {
    String detail = "    " + scope.source() + "\n    " + " ".repeat(e.index) + "^";
    if (scope.origin() != null) {
      detail += "\n  at " + scope.origin();
    }
    return new InterpolationException(
        Kind.SYNTAX,
        "Malformed interpolation " + scope.where() + ": " + e.getMessage(),
        scope.key(),
        scope.origin(),
        e.getMessage().contains("unquoted")
            ? "put the argument in quotes, e.g. ${now:'%H:%M'}, or escape the character with \\"
            : "write ${key.path} or ${resolver:arg,...}; to keep a literal ${ write \\${",
        detail);
  }

  static InterpolationException keyNotFound(Scope scope, String key, String hint) {
    return new InterpolationException(
        Kind.KEY_NOT_FOUND,
        "Interpolation key '" + key + "' not found " + scope.where(),
        scope.key(),
        scope.origin(),
        hint,
        null);
  }

  static InterpolationException missing(Scope scope, String key, Origin missingOrigin) {
    String setAt = missingOrigin == null ? "" : " (set to ??? at " + missingOrigin + ")";
    return new InterpolationException(
        Kind.MISSING_VALUE,
        "Interpolation "
            + scope.where()
            + " refers to '"
            + key
            + "', which is a missing mandatory value"
            + setAt,
        scope.key(),
        scope.origin(),
        "give '" + key + "' a value in the config, or on the command line: " + key + "=...",
        null);
  }

  static InterpolationException cycle(List<Step> steps) {
    StringBuilder chain = new StringBuilder();
    StringBuilder detail = new StringBuilder();
    for (Step step : steps) {
      if (chain.length() > 0) {
        chain.append(" -> ");
      }
      chain.append(name(step.key()));
    }
    chain.append(" -> ").append(name(steps.get(0).key()));
    for (Step step : steps) {
      detail
          .append(detail.length() == 0 ? "" : "\n")
          .append("  ")
          .append(name(step.key()))
          .append(": ")
          .append(step.text())
          .append("  (")
          .append(step.origin())
          .append(')');
    }
    Step first = steps.get(0);
    return new InterpolationException(
        Kind.CYCLE,
        "Interpolation cycle: " + chain,
        first.key(),
        first.origin(),
        "give one of these keys a plain value so the references stop going round",
        detail.toString());
  }

  static InterpolationException unknownResolver(Scope scope, String name, Resolvers resolvers) {
    List<String> near = Spelling.closest(name, resolvers.names());
    String registered =
        resolvers.names().isEmpty()
            ? "no resolvers are registered"
            : "registered resolvers: " + String.join(", ", resolvers.names());
    String hint = near.isEmpty() ? registered : "did you mean '" + near.get(0) + "'? " + registered;
    return new InterpolationException(
        Kind.UNKNOWN_RESOLVER,
        "Unsupported interpolation type '" + name + "' " + scope.where(),
        scope.key(),
        scope.origin(),
        hint,
        null);
  }

  static InterpolationException resolverFailed(
      Scope scope, String name, String message, String hint) {
    return new InterpolationException(
        Kind.RESOLVER_FAILED,
        "Resolver '" + name + "' failed " + scope.where() + ": " + message,
        scope.key(),
        scope.origin(),
        hint,
        null);
  }

  static InterpolationException tooDeep(Scope scope, int depth) {
    return new InterpolationException(
        Kind.TOO_DEEP,
        "Interpolations nest more than " + depth + " levels deep " + scope.where(),
        scope.key(),
        scope.origin(),
        "shorten the chain of references (a -> b -> c -> ...)",
        null);
  }

  static InterpolationException tooLong(Scope scope, int length) {
    return new InterpolationException(
        Kind.TOO_LONG,
        "Interpolation builds a string longer than " + length + " characters " + scope.where(),
        scope.key(),
        scope.origin(),
        "values that repeat other values (x2: ${x1}${x1}) double at every step; build the"
            + " long text in the task instead",
        null);
  }

  static InterpolationException tooLarge(Scope scope, long size, long limit) {
    return new InterpolationException(
        Kind.TOO_LONG,
        "The resolved value at key '"
            + name(scope.key())
            + "' has "
            + (size >= Long.MAX_VALUE / 4 ? "countless" : String.valueOf(size))
            + " nodes, counting each repeat, more than the limit of "
            + limit,
        scope.key(),
        scope.origin(),
        "lists or mappings that repeat other ones (x2: [${x1}, ${x1}]) double at every step;"
            + " refer to the shared value once",
        null);
  }

  private static String name(ConfigPath key) {
    return key.isRoot() ? "<root>" : key.toString();
  }
}
