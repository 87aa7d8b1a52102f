package dev.hydra4j.interpolate;

import java.util.List;

/**
 * A function called by {@code ${name:arg1,arg2}}, registered under {@code name} in {@link
 * Resolvers}.
 *
 * <p>Arguments arrive evaluated and typed as OmegaConf's grammar types them: {@code null}, {@link
 * String}, {@link Long} (or {@link java.math.BigInteger}), {@link Double}, {@link Boolean}; an
 * inline {@code [..]} is a {@code java.util.List} and an inline {@code {..}} a {@code
 * java.util.Map<String, Object>}; a {@code ${key}} that points at a mapping or list arrives as its
 * fully resolved {@link dev.hydra4j.config.ConfigMap} or {@link dev.hydra4j.config.ConfigList}.
 * Quoted arguments are always strings.
 *
 * <p>The result may be any of those types or a {@link dev.hydra4j.config.ConfigNode}; lists and
 * maps become config nodes. A string result is taken literally, never parsed again for {@code
 * ${…}}. To report a problem the user can fix, throw {@link ResolverContext#failure}.
 */
@FunctionalInterface
public interface Resolver {

  Object resolve(List<Object> args, ResolverContext ctx);
}
