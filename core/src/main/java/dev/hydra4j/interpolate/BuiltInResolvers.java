package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * OmegaConf 2.2's built-in resolvers and Hydra's {@code now} and {@code hydra}, written from their
 * documentation ("Built-in resolvers", Hydra's "Resolvers provided by Hydra").
 */
final class BuiltInResolvers {

  private BuiltInResolvers() {}

  /**
   * The built-in resolvers by name. One enum rather than eight lambdas: each lambda is linked when
   * first met (~1 ms cold), and every run starts by building this table.
   */
  static Map<String, Resolver> table() {
    Map<String, Resolver> table = new TreeMap<>();
    for (BuiltIn resolver : BuiltIn.values()) {
      table.put(resolver.name, resolver);
    }
    return table;
  }

  private enum BuiltIn implements Resolver {
    ENV("oc.env"),
    SELECT("oc.select"),
    DECODE("oc.decode"),
    CREATE("oc.create"),
    DICT_KEYS("oc.dict.keys"),
    DICT_VALUES("oc.dict.values"),
    NOW("now"),
    HYDRA("hydra");

    private final String name;

    BuiltIn(String name) {
      this.name = name;
    }

    @Override
    public Object resolve(List<Object> args, ResolverContext ctx) {
      return switch (this) {
        case ENV -> env(args, ctx);
        case SELECT -> select(args, ctx);
        case DECODE -> decode(args, ctx);
        case CREATE -> create(args, ctx);
        case DICT_KEYS -> dictKeys(args, ctx);
        case DICT_VALUES -> dictValues(args, ctx);
        case NOW -> now(args, ctx);
        case HYDRA -> hydra(args, ctx);
      };
    }
  }

  /**
   * {@code ${oc.env:VAR}} and {@code ${oc.env:VAR,default}}: the variable as a string. A default is
   * turned into a string as Python's {@code str()} would, except {@code null}, which gives null.
   */
  private static Object env(List<Object> args, ResolverContext ctx) {
    arity(args, 1, 2, ctx, "${oc.env:VAR} or ${oc.env:VAR,default}");
    String name = text(args.get(0), "the variable name", ctx);
    String value = ctx.env(name);
    if (value != null) {
      return value;
    }
    if (args.size() == 2) {
      Object fallback = args.get(1);
      return fallback == null ? null : PythonText.str(fallback);
    }
    throw ctx.failure(
        "environment variable '" + name + "' is not set",
        "set it (export " + name + "=...) or give a default: ${oc.env:" + name + ",default}");
  }

  /** {@code ${oc.select:key,default}}: the node at key, or default when absent or {@code ???}. */
  private static Object select(List<Object> args, ResolverContext ctx) {
    arity(args, 1, 2, ctx, "${oc.select:key} or ${oc.select:key,default}");
    String key = PythonText.str(args.get(0));
    Optional<ConfigNode> node = ctx.select(key);
    if (node.isPresent() && !node.get().isMissing()) {
      return node.get();
    }
    return args.size() == 2 ? args.get(1) : null;
  }

  /** {@code ${oc.decode:text}}: parses a string with the grammar; null stays null. */
  private static Object decode(List<Object> args, ResolverContext ctx) {
    arity(args, 1, 1, ctx, "${oc.decode:text}");
    Object input = args.get(0);
    if (input == null) {
      return null;
    }
    if (!(input instanceof String text)) {
      throw ctx.failure(
          "oc.decode takes a string or null, not " + PythonText.repr(input),
          "pass the text to decode, e.g. ${oc.decode:${oc.env:PORT}}");
    }
    return ctx.decode(text);
  }

  /**
   * {@code ${oc.create:…}}: a config node from a dict or list. A string is decoded with the
   * interpolation grammar (flow style {@code {a: 1}} / {@code [1, 2]}); OmegaConf would read it as
   * YAML, which this package does not depend on.
   */
  private static Object create(List<Object> args, ResolverContext ctx) {
    arity(args, 1, 1, ctx, "${oc.create:{...}} or ${oc.create:[...]}");
    Object input = args.get(0) instanceof String text ? ctx.decode(text) : args.get(0);
    if (input instanceof Map
        || input instanceof List
        || input instanceof ConfigMap
        || input instanceof ConfigList) {
      return input;
    }
    throw ctx.failure(
        "oc.create needs a dict or a list, not " + PythonText.repr(input),
        "write ${oc.create:{key: value}} or ${oc.create:[a, b]}");
  }

  private static List<Object> dictKeys(List<Object> args, ResolverContext ctx) {
    return new ArrayList<>(mapping(args, ctx, "oc.dict.keys").keys());
  }

  private static List<Object> dictValues(List<Object> args, ResolverContext ctx) {
    return new ArrayList<>(mapping(args, ctx, "oc.dict.values").entries().values());
  }

  private static ConfigMap mapping(List<Object> args, ResolverContext ctx, String name) {
    arity(args, 1, 1, ctx, "${" + name + ":key.of.a.mapping}");
    if (args.get(0) instanceof ConfigMap map) {
      return map;
    }
    String key = text(args.get(0), "the key of a mapping", ctx);
    Optional<ConfigNode> node = ctx.select(key);
    if (node.isEmpty()) {
      throw ctx.failure(
          "key '" + key + "' not found",
          "give the key of a mapping, e.g. " + "${" + name + ":workers}");
    }
    if (!(node.get() instanceof ConfigMap map)) {
      throw ctx.failure(
          "'" + key + "' is " + PythonText.describe(node.get()) + ", not a mapping",
          "give the key of a mapping");
    }
    return map;
  }

  /** Hydra's {@code ${now:%Y-%m-%d}}: the run's instant through a strftime pattern. */
  private static Object now(List<Object> args, ResolverContext ctx) {
    arity(args, 1, 1, ctx, "${now:%Y-%m-%d_%H-%M-%S}");
    return PythonStrftime.format(PythonText.str(args.get(0)), ctx.now());
  }

  /** Hydra's {@code ${hydra:job.name}}: {@code hydra.<key>} from the hydra config. */
  private static Object hydra(List<Object> args, ResolverContext ctx) {
    arity(args, 1, 1, ctx, "${hydra:job.name}");
    String key = PythonText.str(args.get(0));
    Optional<ConfigNode> node = ctx.selectHydra(key);
    if (node.isEmpty()) {
      throw ctx.failure(
          "'hydra." + key + "' is not available here",
          "${hydra:...} reads Hydra's own config, which exists only for a run or a sweep; "
              + "check the key (e.g. runtime.cwd, job.name, runtime.output_dir)");
    }
    if (node.get().isMissing()) {
      // A runtime value that only a run sets (runtime.output_dir, job.num) reads as null
      // while composing, as in Hydra's '--cfg job --resolve' (golden rw-cfg-job-resolve-runtime).
      return null;
    }
    return node.get();
  }

  private static void arity(
      List<Object> args, int min, int max, ResolverContext ctx, String usage) {
    if (args.size() < min || args.size() > max) {
      String expected = min == max ? String.valueOf(min) : min + " or " + max;
      throw ctx.failure(
          "takes " + expected + " argument" + (max == 1 ? "" : "s") + ", got " + args.size(),
          "write " + usage);
    }
  }

  private static String text(Object arg, String what, ResolverContext ctx) {
    if (arg instanceof String s) {
      return s;
    }
    throw ctx.failure(
        what + " must be a string, not " + PythonText.repr(arg),
        "quote it: '" + PythonText.str(arg) + "'");
  }
}
