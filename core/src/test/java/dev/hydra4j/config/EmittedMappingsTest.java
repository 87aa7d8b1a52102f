package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: reusing the text of a mapping written before changes nothing. Trees share subtrees (the
 * same objects at several places and depths, in mappings and in lists, as a sweep's jobs share
 * their hydra node); each is written three times, so the second and third writings reuse kept text,
 * and must equal the writing of a copy made of new objects, which reuses nothing. Seeded; replay a
 * failure with {@code -Dhydra4j.seed=<seed>}.
 */
class EmittedMappingsTest {

  @Test
  void reusedTextEqualsAFreshWriting() {
    long seed = dev.hydra4j.Seeds.seed();
    System.out.println("EmittedMappingsTest seed: " + seed);
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      List<ConfigNode> shared = new ArrayList<>();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        shared.add(YamlRoundTripTest.map(random, 1 + random.nextInt(2)));
      }
      ConfigMap tree = withShared(random, shared, 0);
      boolean sortKeys = random.nextBoolean();
      String fresh = YamlWriter.toYaml(copy(tree), sortKeys);
      for (int writing = 1; writing <= 3; writing++) {
        assertEquals(
            fresh,
            YamlWriter.toYaml(tree, sortKeys),
            "seed " + seed + ", tree " + i + ", writing " + writing);
      }
    }
  }

  @Test
  void aMappingSharedAtTwoDepthsIsIndentedForEach() {
    ConfigMap inner =
        ConfigMap.builder(null)
            .put("a", ConfigValue.of(1L, null))
            .put("b", ConfigValue.of("x", null))
            .build();
    ConfigMap middle = ConfigMap.builder(null).put("inner", inner).build();
    ConfigMap root =
        ConfigMap.builder(null)
            .put("inner", inner)
            .put("middle", middle)
            .put("list", new ConfigList(List.of(inner), null))
            .build();
    String expected =
        "inner:\n  a: 1\n  b: x\nmiddle:\n  inner:\n    a: 1\n    b: x\nlist:\n- a: 1\n  b: x\n";
    for (int writing = 1; writing <= 3; writing++) {
      assertEquals(expected, YamlWriter.toYaml(root), "writing " + writing);
    }
  }

  private static ConfigMap withShared(Random r, List<ConfigNode> shared, int depth) {
    ConfigMap.Builder map = ConfigMap.builder(null);
    for (int i = r.nextInt(5) + 1; i > 0; i--) {
      map.put("k" + depth + "_" + i, sharedNode(r, shared, depth + 1));
    }
    return map.build();
  }

  private static ConfigNode sharedNode(Random r, List<ConfigNode> shared, int depth) {
    int pick = r.nextInt(6);
    if (pick < 2) {
      return shared.get(r.nextInt(shared.size()));
    }
    if (depth < 4 && pick < 4) {
      return withShared(r, shared, depth);
    }
    if (depth < 4 && pick < 5) {
      List<ConfigNode> items = new ArrayList<>();
      for (int i = r.nextInt(3) + 1; i > 0; i--) {
        items.add(sharedNode(r, shared, depth + 1));
      }
      return new ConfigList(items, null);
    }
    return YamlRoundTripTest.node(r, depth);
  }

  /** The same tree made of new objects. */
  private static ConfigNode copy(ConfigNode node) {
    if (node instanceof ConfigMap map) {
      ConfigMap.Builder copy = ConfigMap.builder(null);
      map.entries().forEach((k, v) -> copy.put(k, copy(v)));
      return copy.build();
    }
    if (node instanceof ConfigList list) {
      List<ConfigNode> items = new ArrayList<>();
      for (ConfigNode item : list.items()) {
        items.add(copy(item));
      }
      return new ConfigList(items, null);
    }
    return ConfigValue.of(((ConfigValue) node).value(), null);
  }
}
