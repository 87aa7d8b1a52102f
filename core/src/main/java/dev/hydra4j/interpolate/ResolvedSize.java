package dev.hydra4j.interpolate;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import java.util.IdentityHashMap;

/**
 * The size of resolved mappings and lists, each shared node counted every time it appears. A
 * resolved config shares the nodes that interpolations repeat, so lists that repeat lists ({@code
 * x2: [${x1}, ${x1}]}, {@code x3: [${x2}, ${x2}]}, …) stay small in memory but double at every step
 * for everything that walks them (writing config.yaml, printing, a filter). Sizes are remembered
 * per node, so measuring costs each node once.
 */
final class ResolvedSize {

  /** Far above any real config: an 8 MiB file holds fewer nodes. */
  static final long MAX_NODES = 2_000_000;

  private final IdentityHashMap<ConfigNode, Long> sizes = new IdentityHashMap<>();

  /** Fails when {@code built}, resolved at {@code scope}, walks to more than the limit. */
  void check(Scope scope, ConfigNode built) {
    long size = size(built);
    if (size > MAX_NODES) {
      throw Failures.tooLarge(scope, size, MAX_NODES);
    }
  }

  private long size(ConfigNode node) {
    if (!(node instanceof ConfigMap) && !(node instanceof ConfigList)) {
      return 1;
    }
    Long known = sizes.get(node);
    if (known != null) {
      return known;
    }
    long total = 1;
    Iterable<ConfigNode> children =
        node instanceof ConfigMap map ? map.entries().values() : ((ConfigList) node).items();
    for (ConfigNode child : children) {
      // Saturating: a size past the limit is reported, never overflows.
      total = Math.min(Long.MAX_VALUE / 4, total + size(child));
    }
    sizes.put(node, total);
    return total;
  }

  static Scope scopeOf(ConfigPath path, ConfigNode node) {
    return new Scope(path, node.origin(), node instanceof ConfigMap ? "{...}" : "[...]");
  }
}
