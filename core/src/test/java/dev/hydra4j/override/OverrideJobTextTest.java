package dev.hydra4j.override;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The job override lines of real Hydra multiruns (conformance/sweeps.json): each swept override
 * must yield exactly the lines Hydra wrote, in Hydra's order; a plain override is passed to every
 * job as the user wrote it.
 */
class OverrideJobTextTest {

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in =
        OverrideJobTextTest.class.getResourceAsStream("/conformance/sweeps.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      return StreamSupport.stream(root.get("cases").spliterator(), false)
          .map(c -> Arguments.of(Named.of(c.get("id").textValue(), c)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jobLinesMatchHydra(JsonNode c) {
    List<List<String>> jobs = new ArrayList<>();
    c.get("jobs")
        .forEach(
            job -> {
              List<String> lines = new ArrayList<>();
              job.get("overrides").forEach(line -> lines.add(line.textValue()));
              jobs.add(lines);
            });
    for (JsonNode text : c.get("overrides")) {
      ParsedOverride o = OverrideParser.parse(text.textValue());
      if (o.key().startsWith("hydra.")) {
        continue; // Hydra's own settings are not task overrides; jobs do not list them
      }
      if (!o.isSweep()) {
        jobs.forEach(lines -> assertTrue(lines.contains(o.input()), lines + " has " + o.input()));
        continue;
      }
      List<String> expected = new ArrayList<>();
      for (SweepItem item : o.expand(groupOptions(c, o.key()))) {
        expected.add(o.jobOverride(item));
      }
      Set<String> seen = new LinkedHashSet<>();
      for (List<String> lines : jobs) {
        lines.stream().filter(expected::contains).forEach(seen::add);
      }
      assertEquals(expected, List.copyOf(seen), o.input());
    }
  }

  /** Options of a config group: the YAML files under its directory, sorted by name. */
  private static List<String> groupOptions(JsonNode c, String group) {
    Set<String> options = new TreeSet<>();
    c.get("files")
        .fieldNames()
        .forEachRemaining(
            path -> {
              if (path.startsWith(group + "/")
                  && path.endsWith(".yaml")
                  && path.indexOf('/', group.length() + 1) < 0) {
                options.add(path.substring(group.length() + 1, path.length() - ".yaml".length()));
              }
            });
    return options.isEmpty() ? null : List.copyOf(options);
  }
}
