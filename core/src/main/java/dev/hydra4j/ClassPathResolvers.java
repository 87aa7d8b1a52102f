package dev.hydra4j;

import dev.hydra4j.compose.Composer;
import dev.hydra4j.compose.SearchPath;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.interpolate.InterpolationContext;
import dev.hydra4j.interpolate.ResolverContext;
import dev.hydra4j.interpolate.Resolvers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The built-in resolvers plus every {@link ConfigResolver} registered on the class path. */
final class ClassPathResolvers {

  private ClassPathResolvers() {}

  /** A composer of {@code searchPath} with {@link #all()}. */
  static Composer composer(SearchPath searchPath) {
    return new Composer(searchPath, all(), InterpolationContext.system());
  }

  /** Looked up per composer (a few ms), so that a bad registration is an error each time. */
  static Resolvers all() {
    Resolvers resolvers = Resolvers.builtIn();
    for (ConfigResolver r :
        ServiceLoader.load(ConfigResolver.class, ConfigResolver.class.getClassLoader())) {
      resolvers = with(resolvers, r);
    }
    return resolvers;
  }

  /** {@code resolvers} plus {@code r}, which may not take a built-in name. */
  static Resolvers with(Resolvers resolvers, ConfigResolver r) {
    String name = r.name();
    if (Resolvers.builtIn().find(name) != null) {
      throw new IllegalArgumentException(
          r.getClass().getName() + " is registered as '" + name + "', a built-in resolver's name");
    }
    return resolvers.with(name, (args, ctx) -> r.resolve(plain(args), call(ctx)));
  }

  private static List<Object> plain(List<Object> args) {
    List<Object> out = new ArrayList<>(args.size());
    for (Object a : args) {
      out.add(a instanceof ConfigNode node ? ConfigNodes.plain(node) : a);
    }
    return out;
  }

  private static ConfigResolver.Call call(ResolverContext ctx) {
    return new ConfigResolver.Call() {
      @Override
      public String key() {
        return ctx.key().toString();
      }

      @Override
      public Origin origin() {
        return Origin.of(ctx.origin());
      }

      @Override
      public Optional<Object> value(String key) {
        return ctx.select(key).map(ConfigNodes::plain);
      }

      @Override
      public String env(String name) {
        return ctx.env(name);
      }

      @Override
      public RuntimeException failure(String message, String hint) {
        return ctx.failure(message, hint);
      }
    };
  }
}
