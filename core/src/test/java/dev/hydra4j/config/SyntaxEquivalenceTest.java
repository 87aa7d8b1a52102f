package dev.hydra4j.config;

import static dev.hydra4j.config.TreeAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Typesafe Config's habit: the same config written in each supported syntax must read to the same
 * tree (values, types and key order; origins aside).
 */
class SyntaxEquivalenceTest {

  private static ConfigFile read(String name) throws URISyntaxException {
    Path file = Path.of(SyntaxEquivalenceTest.class.getResource("/equivalence/" + name).toURI());
    return ConfigFiles.read(file, "conf/" + name);
  }

  @Test
  void yamlAndHoconReadTheSame() throws Exception {
    ConfigFile yaml = read("experiment.yaml");
    ConfigFile hocon = read("experiment.conf");
    assertIdentical(yaml.root(), hocon.root());
    assertEquals(yaml.root(), hocon.root());
    assertEquals("_global_", yaml.packageHeader());
    assertEquals(yaml.packageHeader(), hocon.packageHeader());
    assertEquals("conf/experiment.conf", hocon.root().get("run_name").origin().file());
  }

  @Test
  void bothPrintTheSameYaml() throws Exception {
    assertEquals(
        YamlWriter.toYaml(read("experiment.yaml").root()),
        YamlWriter.toYaml(read("experiment.conf").root()));
  }
}
