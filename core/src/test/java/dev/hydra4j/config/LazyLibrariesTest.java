package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Start-up speed: reading and printing YAML must not need Typesafe Config or Jackson. The config
 * classes run here in a class loader that has only hydra4j's classes and snakeyaml-engine, so
 * touching either library would fail with NoClassDefFoundError.
 */
class LazyLibrariesTest {

  private static URL locationOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void yamlNeedsNeitherTypesafeConfigNorJackson() throws Exception {
    URL[] path = {
      locationOf(ConfigFiles.class), locationOf(org.snakeyaml.engine.v2.api.LoadSettings.class)
    };
    try (URLClassLoader isolated = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      Class<?> files = isolated.loadClass(ConfigFiles.class.getName());
      Class<?> writer = isolated.loadClass(YamlWriter.class.getName());
      Class<?> node = isolated.loadClass(ConfigNode.class.getName());
      Method parse = files.getMethod("parse", String.class, String.class);
      Object file = parse.invoke(null, "a: 1\nb: [x, 2.5]\n", "conf/a.yaml");
      Object root = file.getClass().getMethod("root").invoke(file);
      Object yaml = writer.getMethod("toYaml", node).invoke(null, root);
      assertEquals("a: 1\nb:\n- x\n- 2.5\n", yaml);

      // The control: the same loader cannot read HOCON, so the check above is real; without
      // Typesafe Config (hydra4j-core leaves it optional) a .conf file is a located error.
      InvocationTargetException hocon =
          assertThrows(
              InvocationTargetException.class, () -> parse.invoke(null, "a = 1\n", "conf/a.conf"));
      assertEquals(ConfigException.class.getName(), hocon.getCause().getClass().getName());
      assertTrue(
          hocon.getCause().getMessage().startsWith("conf/a.conf is a HOCON file"),
          hocon.getCause().getMessage());
    }
  }
}
