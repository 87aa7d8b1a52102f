package dev.hydra4j.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The YAML text of nested mappings already written, by mapping (the very object, not an equal one)
 * and indent. The jobs of a sweep share most of their {@code hydra} node, and often large parts of
 * their config, as the same immutable objects: writing each job's {@code hydra.yaml} again cost
 * more than composing the job. A mapping's text is kept the second time it is written, so a mapping
 * written once (one job's own values) costs one entry and no copy.
 *
 * <p>Bounded for a long-lived JVM: when full it starts again empty. It holds the mappings
 * themselves, at most {@link #LIMIT} of them.
 */
final class EmittedMappings {

  private static final int LIMIT = 4_096;

  /** What a mapping's writing produced, and the emitter's state after it. */
  record Emitted(
      String text, int column, boolean whitespace, boolean indention, boolean openEnded) {}

  /** Seen once, not kept yet. */
  private static final Emitted SEEN_ONCE = new Emitted(null, 0, false, false, false);

  private static final Map<Key, Emitted> EMITTED = new ConcurrentHashMap<>();

  private EmittedMappings() {}

  /**
   * The text of {@code map} at {@code indent}: {@code null} if never written, an entry with a
   * {@code null} text if written once.
   */
  static Emitted get(ConfigMap map, int indent, boolean sortKeys) {
    return EMITTED.get(new Key(map, indent, sortKeys));
  }

  /** Records a writing of {@code map}: its text, or {@code null} for a first writing. */
  static void put(ConfigMap map, int indent, boolean sortKeys, Emitted emitted) {
    if (EMITTED.size() >= LIMIT) {
      EMITTED.clear();
    }
    EMITTED.put(new Key(map, indent, sortKeys), emitted == null ? SEEN_ONCE : emitted);
  }

  /** A mapping by identity: an equal mapping elsewhere is looked up on its own. */
  private record Key(ConfigMap map, int indent, boolean sortKeys) {

    @Override
    @SuppressWarnings("ReferenceEquality") // identity is the point: equality would walk the tree
    public boolean equals(Object o) {
      return o instanceof Key k && k.map == map && k.indent == indent && k.sortKeys == sortKeys;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(map) * 31 + indent) * 2 + (sortKeys ? 1 : 0);
    }
  }
}
