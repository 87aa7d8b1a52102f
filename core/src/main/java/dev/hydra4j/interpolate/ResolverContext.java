package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.Origin;
import java.time.ZonedDateTime;
import java.util.Optional;

/** What a {@link Resolver} may see of the config and the run while it is being called. */
public interface ResolverContext {

  /** The name the resolver was called by, e.g. {@code oc.env}. */
  String resolverName();

  /** The key of the node holding the interpolation; {@link ConfigPath#ROOT} for a command word. */
  ConfigPath key();

  /** Where the interpolation was written. */
  Origin origin();

  /** The whole config being resolved, unresolved. */
  ConfigMap root();

  /** An environment variable, or {@code null} when it is not set. */
  String env(String name);

  /** The run's single instant: every {@code now} in one run agrees. */
  ZonedDateTime now();

  /**
   * The resolved node at {@code key} ({@code a.b}, {@code list[0]}, or relative {@code .x}, {@code
   * ..x} from the node holding the interpolation); empty when the key does not exist. A {@code ???}
   * node is returned as is (check {@link ConfigNode#isMissing()}).
   */
  Optional<ConfigNode> select(String key);

  /**
   * The resolved node at {@code hydra.<key>} in the hydra config supplied through {@link
   * InterpolationContext#withHydraConfig}; empty when there is none or the key is absent.
   */
  Optional<ConfigNode> selectHydra(String key);

  /**
   * Parses {@code text} with the interpolation grammar (as {@code oc.decode} does) and evaluates it
   * here: {@code "3"} is 3, {@code "[a, b]"} a list, {@code "${.x}"} the sibling.
   */
  Object decode(String text);

  /** An error to throw for a problem the user can fix; the interpolation's origin is added. */
  InterpolationException failure(String message, String hint);
}
