package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ConfigTree#setAll} leaves a tree exactly as one {@link ConfigTree#set} per value does. */
class ConfigTreeSetAllTest {

  private static final String[] SEGMENTS = {"hydra", "job", "runtime", "a", "b", "0", "1"};

  @Test
  void setsLikeOneSetPerValueForRandomPathsPrefixesAndLists() {
    long seed = dev.hydra4j.Seeds.seed();
    Random random = new Random(seed);
    for (int round = 0; round < 2_000; round++) {
      ConfigNode root = randomTree(random, 3);
      List<Map.Entry<ConfigPath, ConfigNode>> values = new ArrayList<>();
      int count = 1 + random.nextInt(6);
      for (int i = 0; i < count; i++) {
        values.add(
            new AbstractMap.SimpleImmutableEntry<>(randomPath(random), randomTree(random, 1)));
      }
      String context = "seed " + seed + ", round " + round + ", values " + values;
      ConfigNode expected = root;
      try {
        for (Map.Entry<ConfigPath, ConfigNode> v : values) {
          expected = ConfigTree.set(expected, v.getKey(), v.getValue());
        }
      } catch (ConfigException outOfRange) {
        // a list index past the end: setAll must refuse too
        ConfigNode start = root;
        assertThrows(ConfigException.class, () -> ConfigTree.setAll(start, values), context);
        continue;
      }
      ConfigNode actual = ConfigTree.setAll(root, values);
      assertEquals(YamlWriter.toYaml(expected), YamlWriter.toYaml(actual), context);
    }
  }

  @Test
  void aValueForAWholeMapReplacesWhatWasSetBelowItBefore() {
    ConfigMap root = ConfigMap.empty(Origin.BUILT_IN);
    List<Map.Entry<ConfigPath, ConfigNode>> values =
        List.of(
            entry("a.b", new ConfigValue(1L, Origin.BUILT_IN)),
            entry("a", ConfigMap.empty(Origin.BUILT_IN)),
            entry("a.c", new ConfigValue(2L, Origin.BUILT_IN)),
            entry("z", new ConfigValue("last", Origin.BUILT_IN)));
    assertEquals("a:\n  c: 2\nz: last\n", YamlWriter.toYaml(ConfigTree.setAll(root, values)));
  }

  private static Map.Entry<ConfigPath, ConfigNode> entry(String path, ConfigNode value) {
    return new AbstractMap.SimpleImmutableEntry<>(ConfigPath.parse(path), value);
  }

  private static ConfigPath randomPath(Random random) {
    StringBuilder path = new StringBuilder();
    int length = 1 + random.nextInt(3);
    for (int i = 0; i < length; i++) {
      path.append(i == 0 ? "" : ".").append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    }
    return ConfigPath.parse(path.toString());
  }

  private static ConfigNode randomTree(Random random, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(3);
    if (kind == 0) {
      return new ConfigValue((long) random.nextInt(100), Origin.BUILT_IN);
    }
    if (kind == 1) {
      List<ConfigNode> items = new ArrayList<>();
      for (int i = random.nextInt(3); i > 0; i--) {
        items.add(randomTree(random, depth - 1));
      }
      return new ConfigList(items, Origin.BUILT_IN);
    }
    ConfigMap.Builder map = ConfigMap.builder(Origin.BUILT_IN);
    for (int i = random.nextInt(4); i > 0; i--) {
      map.put(SEGMENTS[random.nextInt(SEGMENTS.length)], randomTree(random, depth - 1));
    }
    return map.build();
  }
}
