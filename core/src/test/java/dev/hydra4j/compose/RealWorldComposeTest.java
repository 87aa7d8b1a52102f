package dev.hydra4j.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.ConfigNode;
import dev.hydra4j.config.ConfigPath;
import dev.hydra4j.config.ConfigTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of conformance-real-world/compose.json: behaviours real Hydra trees rely on, recorded
 * by running Hydra 1.3.5 (scripts/golden/hydra_golden.py). Besides the job config, the defaults and
 * the choices, a case may record Hydra's logging choices and values of the {@code hydra} node.
 */
class RealWorldComposeTest {

  @TempDir Path dir;

  static Stream<Arguments> cases() throws IOException {
    return ComposeConformanceTest.GoldenCases.load("/conformance-real-world/compose.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void composesAsHydra(String id, JsonNode golden) throws IOException {
    ComposeConformanceTest.writeTree(dir, golden.get("files"));
    Composer composer =
        new Composer(
            SearchPath.of(dir)
                .withVersionBase(VersionBase.parse(golden.path("version_base").asText("1.3"))));
    String configName = golden.get("config_name").asText();
    if (!golden.get("ok").asBoolean()) {
      assertThrows(
          ConfigException.class,
          () ->
              composer
                  .compose(configName, ComposeConformanceTest.overrides(golden))
                  .resolvedJobConfig(),
          "Hydra fails with "
              + golden.get("error_class").asText()
              + ": "
              + golden.get("message").asText());
      return;
    }
    Composition composition =
        composer.compose(configName, ComposeConformanceTest.overrides(golden));
    ComposeConformanceTest.assertSameComposition(golden, composition);
    Map<String, Object> loggingChoices = new LinkedHashMap<>();
    golden
        .get("hydra_choices")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().contains("logging")) {
                loggingChoices.put(e.getKey(), PlainValues.of(e.getValue()));
              }
            });
    Map<String, Object> actualLogging = new LinkedHashMap<>();
    for (String key : loggingChoices.keySet()) {
      actualLogging.put(key, composition.defaults().choices().get(key));
    }
    assertEquals(loggingChoices, actualLogging, "logging choices");
    golden
        .path("hydra_values")
        .fields()
        .forEachRemaining(
            e -> {
              ConfigNode node =
                  ConfigTree.select(composition.hydraConfig(), ConfigPath.parse(e.getKey()));
              assertEquals(
                  PlainValues.of(e.getValue()),
                  node == null ? "<absent>" : PlainValues.of(node),
                  "hydra." + e.getKey());
            });
  }
}
