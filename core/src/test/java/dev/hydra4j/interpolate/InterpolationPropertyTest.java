package dev.hydra4j.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import dev.hydra4j.config.ConfigValue;
import dev.hydra4j.config.Origin;
import dev.hydra4j.config.PythonFloat;
import dev.hydra4j.interpolate.InterpolationException.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random reference graphs. Replay a failure with {@code -Dhydra4j.seed=<seed>}.
 *
 * <p>Each graph has nodes n0..nk at random places in nested mappings. A node is a constant or a
 * template referring to other nodes by absolute or relative keys; a straightforward evaluator
 * (values computed in dependency order, Python {@code str()} spelt out by hand) says what each node
 * must resolve to.
 */
class InterpolationPropertyTest {

  private static final long SEED = dev.hydra4j.Seeds.seed();
  private static final int TRIALS = 300;

  /** One node: where it lives, and either a constant or the nodes its template names. */
  @SuppressWarnings("ArrayRecordComponent") // never compared
  private record Node(ConfigPath path, Object constant, int[] refs, int shape) {}

  @Test
  void acyclicGraphsResolveLikeAReferenceEvaluator() {
    System.out.println(
        "InterpolationPropertyTest seed: " + SEED + " (replay: -Dhydra4j.seed=" + SEED + ")");
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      List<Node> nodes = graph(random, false);
      Object[] expected = evaluate(nodes);
      ConfigMap root = build(nodes, random);
      ConfigMap resolved;
      try {
        resolved = Tree.interpolator().resolveAll(root);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + SEED + " trial " + trial + ": " + root, e);
      }
      for (int i = 0; i < nodes.size(); i++) {
        ConfigNode node = ConfigTree.select(resolved, nodes.get(i).path());
        Object actual = ((ConfigValue) node).value();
        if (!Objects.equals(expected[i], actual)) {
          fail(
              "seed "
                  + SEED
                  + " trial "
                  + trial
                  + " node "
                  + nodes.get(i).path()
                  + ": expected "
                  + expected[i]
                  + " got "
                  + actual
                  + " in "
                  + root);
        }
      }
    }
  }

  @Test
  void cyclicGraphsAreReportedAsRealCycles() {
    Random random = new Random(SEED ^ 0x5DEECE66DL);
    for (int trial = 0; trial < TRIALS; trial++) {
      List<Node> nodes = graph(random, true);
      ConfigMap root = build(nodes, random);
      InterpolationException e;
      try {
        e = assertThrows(InterpolationException.class, () -> Tree.interpolator().resolveAll(root));
      } catch (StackOverflowError overflow) {
        throw new AssertionError("seed " + SEED + " trial " + trial + ": stack overflow", overflow);
      }
      assertEquals(
          Kind.CYCLE, e.kind(), "seed " + SEED + " trial " + trial + ": " + e.getMessage());
      String chain = e.getMessage().substring("Interpolation cycle: ".length());
      List<String> keys = Arrays.asList(chain.split(" -> "));
      assertEquals(keys.get(0), keys.get(keys.size() - 1), chain);
      for (int k = 0; k + 1 < keys.size(); k++) {
        Node from = byPath(nodes, keys.get(k));
        Node to = byPath(nodes, keys.get(k + 1));
        assertTrue(
            from.refs() != null && contains(from.refs(), nodes.indexOf(to)),
            "seed "
                + SEED
                + ": "
                + keys.get(k)
                + " does not refer to "
                + keys.get(k + 1)
                + " in "
                + chain);
      }
    }
  }

  @Test
  void longChainsEndInAnErrorNotAStackOverflow() {
    for (boolean cyclic : new boolean[] {false, true}) {
      int n = 5000;
      ConfigMap.Builder b = ConfigMap.builder(Origin.BUILT_IN);
      for (int i = 0; i < n; i++) {
        Object v = i == n - 1 ? (cyclic ? "${k0}" : 1) : "${k" + (i + 1) + "}";
        b.put("k" + i, new ConfigValue(v, Origin.BUILT_IN));
      }
      InterpolationException e =
          assertThrows(
              InterpolationException.class, () -> Tree.interpolator().resolveAll(b.build()));
      assertEquals(Kind.TOO_DEEP, e.kind());
    }
  }

  /** Nodes n0..; without cycles a node refers only to lower indices. */
  private static List<Node> graph(Random random, boolean cyclic) {
    int n = 2 + random.nextInt(25);
    List<ConfigPath> places = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ConfigPath parent = ConfigPath.ROOT;
      int depth = random.nextInt(4);
      for (int d = 0; d < depth; d++) {
        parent = parent.child("m" + random.nextInt(3));
      }
      places.add(parent.child("n" + i));
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean constant = cyclic ? random.nextInt(4) == 0 : (i == 0 || random.nextInt(3) == 0);
      if (constant) {
        nodes.add(new Node(places.get(i), randomConstant(random), null, 0));
        continue;
      }
      int count = 1 + random.nextInt(3);
      int[] refs = new int[count];
      for (int r = 0; r < count; r++) {
        refs[r] = cyclic ? random.nextInt(n) : random.nextInt(i);
      }
      nodes.add(new Node(places.get(i), null, refs, count == 1 ? random.nextInt(2) : 1));
    }
    if (cyclic) {
      // Make sure of one cycle: a ring through a few random nodes.
      int ring = 1 + random.nextInt(Math.min(n, 6));
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        members.add(i);
      }
      java.util.Collections.shuffle(members, random);
      for (int k = 0; k < ring; k++) {
        int from = members.get(k);
        int to = members.get((k + 1) % ring);
        Node old = nodes.get(from);
        int[] refs = old.refs() == null ? new int[] {to} : append(old.refs(), to);
        nodes.set(from, new Node(old.path(), null, refs, refs.length == 1 ? 0 : 1));
      }
    }
    return nodes;
  }

  private static Object randomConstant(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> (long) random.nextInt(2000) - 1000;
      case 1 -> random.nextInt(1000) / 8.0;
      case 2 -> random.nextBoolean();
      case 3 -> null;
      case 4 -> "s" + random.nextInt(100);
      default -> random.nextDouble() * 1e-6;
    };
  }

  /** The config: each node's template names its references absolutely or relatively. */
  private static ConfigMap build(List<Node> nodes, Random random) {
    ConfigNode root = ConfigMap.empty(Origin.BUILT_IN);
    for (Node node : nodes) {
      Object value = node.constant();
      if (node.refs() != null) {
        StringBuilder text = new StringBuilder(node.shape() == 0 ? "" : "v");
        for (int ref : node.refs()) {
          text.append("${").append(key(node.path(), nodes.get(ref).path(), random)).append('}');
          if (node.shape() != 0) {
            text.append('_');
          }
        }
        value = text.toString();
      }
      root =
          ConfigTree.set(
              root, node.path(), new ConfigValue(value, Origin.of("node " + node.path())));
    }
    return (ConfigMap) root;
  }

  /** {@code target} written from {@code from}: absolute, or with leading dots. */
  private static String key(ConfigPath from, ConfigPath target, Random random) {
    if (random.nextBoolean()) {
      return target.toString();
    }
    List<String> base = from.parent().segments();
    List<String> to = target.segments();
    int common = 0;
    while (common < base.size()
        && common < to.size() - 1
        && base.get(common).equals(to.get(common))) {
      common++;
    }
    int dots = base.size() - common + 1;
    return ".".repeat(dots) + String.join(".", to.subList(common, to.size()));
  }

  private static Object[] evaluate(List<Node> nodes) {
    Object[] values = new Object[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (node.refs() == null) {
        values[i] = node.constant();
      } else if (node.shape() == 0) {
        values[i] = values[node.refs()[0]];
      } else {
        StringBuilder text = new StringBuilder("v");
        for (int ref : node.refs()) {
          text.append(pythonStr(values[ref])).append('_');
        }
        values[i] = text.toString();
      }
    }
    return values;
  }

  private static String pythonStr(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      return PythonFloat.repr(d);
    }
    return v.toString();
  }

  private static Node byPath(List<Node> nodes, String path) {
    return nodes.stream()
        .filter(n -> n.path().toString().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not a node of the graph: " + path));
  }

  private static boolean contains(int[] values, int value) {
    return Arrays.stream(values).anyMatch(v -> v == value);
  }

  private static int[] append(int[] values, int value) {
    int[] more = Arrays.copyOf(values, values.length + 1);
    more[values.length] = value;
    return more;
  }
}
