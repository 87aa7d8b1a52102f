package dev.hydra4j.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hydra4j.config.ConfigException;
import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of conformance/compose.json, produced by running real Hydra 1.3.5. */
class ComposeConformanceTest {

  @TempDir Path dir;

  static Stream<Arguments> cases() throws IOException {
    return GoldenCases.load("/conformance/compose.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesHydra(String id, JsonNode golden) throws IOException {
    writeTree(dir, golden.get("files"));
    Composer composer = new Composer(new SearchPath(List.of(dir), true));
    String configName = golden.get("config_name").asText();
    if (!golden.get("ok").asBoolean()) {
      assertThrows(
          ConfigException.class,
          () -> {
            List<ParsedOverride> overrides = overrides(golden);
            composer.compose(configName, overrides).resolvedJobConfig();
          },
          "Hydra fails with "
              + golden.get("error_class").asText()
              + ": "
              + golden.get("message").asText());
      return;
    }
    Composition composition = composer.compose(configName, overrides(golden));
    assertSameComposition(golden, composition);
  }

  /** The job config (resolved when the case says so), key order, defaults and choices. */
  static void assertSameComposition(JsonNode golden, Composition composition) {
    Object expected = PlainValues.of(golden.get("config"));
    Object actual =
        PlainValues.of(
            golden.get("resolved").asBoolean()
                ? composition.resolvedJobConfig()
                : composition.jobConfig());
    assertEquals(expected, actual, "config");
    assertEquals(PlainValues.keyOrder(expected), PlainValues.keyOrder(actual), "key order");
    assertEquals(expectedDefaults(golden), actualDefaults(composition.defaults()), "defaults");
    Object choices = PlainValues.of(golden.get("choices"));
    assertEquals(choices, userChoices(composition.defaults()), "choices");
    assertEquals(
        PlainValues.keyOrder(choices),
        PlainValues.keyOrder(userChoices(composition.defaults())),
        "choices in Hydra's order");
  }

  static List<ParsedOverride> overrides(JsonNode golden) {
    List<ParsedOverride> out = new ArrayList<>();
    golden.get("overrides").forEach(o -> out.add(OverrideParser.parse(o.asText())));
    return out;
  }

  static void writeTree(Path root, JsonNode files) throws IOException {
    Iterator<Map.Entry<String, JsonNode>> it = files.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = root.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue().asText());
    }
  }

  private static List<String> expectedDefaults(JsonNode golden) {
    List<String> out = new ArrayList<>();
    golden
        .get("defaults")
        .forEach(
            d ->
                out.add(
                    d.get("config_path").asText()
                        + " @"
                        + d.get("package").asText()
                        + " <"
                        + d.get("parent").asText()
                        + "> self="
                        + d.get("is_self").asBoolean()
                        + " primary="
                        + d.get("primary").asBoolean()));
    return out;
  }

  private static List<String> actualDefaults(DefaultsList defaults) {
    List<String> out = new ArrayList<>();
    for (ResolvedDefault d : defaults.entries()) {
      if (d.configPath().startsWith("hydra/") || d.parent().startsWith("hydra/")) {
        continue;
      }
      out.add(
          d.configPath()
              + " @"
              + d.packageName()
              + " <"
              + d.parent()
              + "> self="
              + d.isSelf()
              + " primary="
              + d.primary());
    }
    return out;
  }

  private static Map<String, Object> userChoices(DefaultsList defaults) {
    Map<String, Object> out = new LinkedHashMap<>();
    defaults
        .choices()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("hydra/")) {
                out.put(k, v);
              }
            });
    return out;
  }

  /** Loads a golden file from the test resources. */
  static final class GoldenCases {
    private GoldenCases() {}

    static Stream<Arguments> load(String resource) throws IOException {
      try (InputStream in = ComposeConformanceTest.class.getResourceAsStream(resource)) {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Arguments> args = new ArrayList<>();
        root.get("cases").forEach(c -> args.add(Arguments.of(c.get("id").asText(), c)));
        return args.stream();
      }
    }
  }
}
