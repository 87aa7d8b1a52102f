package dev.hydra4j;

import dev.hydra4j.config.ConfigList;
import dev.hydra4j.config.ConfigMap;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Config nodes as plain Java values (maps, lists, strings, numbers, booleans, null). */
final class ConfigNodes {

  private ConfigNodes() {}

  static Object plain(ConfigNode node) {
    if (node instanceof ConfigMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.entries().forEach((k, v) -> out.put(k, plain(v)));
      return Collections.unmodifiableMap(out);
    }
    if (node instanceof ConfigList list) {
      List<Object> out = new ArrayList<>(list.size());
      for (ConfigNode item : list.items()) {
        out.add(plain(item));
      }
      return Collections.unmodifiableList(out);
    }
    return ((ConfigValue) node).value();
  }
}
