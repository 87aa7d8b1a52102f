package dev.hydra4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Readable examples of Hydra's {@code --cfg job} output. Every expected text here is what PyYAML
 * 6.0.3 printed through OmegaConf's dumper settings; YamlWriterGoldenTest runs the few hundred
 * generated cases.
 */
class YamlWriterTest {

  private static ConfigValue v(Object value) {
    return ConfigValue.of(value, null);
  }

  private static String print(Object scalar) {
    return YamlWriter.toYaml(ConfigMap.builder(null).put("k", v(scalar)).build());
  }

  static List<Object[]> strings() {
    return List.of(
        // Strings Python would read as bool/int/float are single-quoted by OmegaConf ...
        new Object[] {"1", "k: '1'\n"},
        new Object[] {"true", "k: 'true'\n"},
        new Object[] {"y", "k: 'y'\n"},
        new Object[] {"1e3", "k: '1e3'\n"},
        new Object[] {"08", "k: '08'\n"},
        new Object[] {"inf", "k: 'inf'\n"},
        new Object[] {"1_000", "k: '1_000'\n"},
        new Object[] {"0x1F", "k: '0x1F'\n"},
        // ... PyYAML quotes what its own YAML 1.1 resolver reads as something else ...
        new Object[] {"null", "k: 'null'\n"},
        new Object[] {"", "k: ''\n"},
        new Object[] {"2024-01-01", "k: '2024-01-01'\n"},
        new Object[] {"=", "k: '='\n"},
        new Object[] {"<<", "k: '<<'\n"},
        // ... and what a plain scalar cannot hold.
        new Object[] {"a: b", "k: 'a: b'\n"},
        new Object[] {"a #b", "k: 'a #b'\n"},
        new Object[] {"- a", "k: '- a'\n"},
        new Object[] {" x", "k: ' x'\n"},
        new Object[] {"a\tb", "k: \"a\\tb\"\n"},
        new Object[] {"a\nb", "k: 'a\n\n  b'\n"},
        new Object[] {"line one\nline two\n", "k: 'line one\n\n  line two\n\n  '\n"},
        // Printed as they are.
        new Object[] {"???", "k: ???\n"},
        new Object[] {"${a.b}", "k: ${a.b}\n"},
        new Object[] {"-a", "k: -a\n"},
        new Object[] {"it's", "k: it's\n"},
        new Object[] {"yes please", "k: yes please\n"},
        new Object[] {"é😀", "k: é😀\n"});
  }

  @ParameterizedTest
  @MethodSource("strings")
  void quotesStringsAsOmegaConfDoes(String value, String expected) {
    assertEquals(expected, print(value));
  }

  @Test
  void printsFloatsWithPyYamlsRepresenter() {
    ConfigList floats =
        new ConfigList(
            List.of(
                v(1e-05),
                v(1e16),
                v(Double.POSITIVE_INFINITY),
                v(Double.NEGATIVE_INFINITY),
                v(Double.NaN),
                v(-0.0),
                v(0.1),
                v(100.0),
                v(1.5e-07)),
            null);
    assertEquals(
        "f:\n- 1.0e-05\n- 1.0e+16\n- .inf\n- -.inf\n- .nan\n- -0.0\n- 0.1\n- 100.0\n"
            + "- 1.5e-07\n",
        YamlWriter.toYaml(ConfigMap.builder(null).put("f", floats).build()));
  }

  @Test
  void printsAComposedConfigLikeCfgJob() {
    ConfigMap config =
        YamlReader.read(
                """
        experiment:
          name: person_100
          frame_sample_fractions: {person: 1.0, crane hook: 1.0}
        training: {epochs: 100, lr: 0.01, model: yolov8n.pt}
        run_name: ${experiment.name}_e${training.epochs}
        test_videos: [videos/test_01.mp4, videos/test_02.mp4]
        empty: {}
        none: []
        l: [[1, [2]], {a: 1, b: [3, {c: null}]}]
        """,
                "c.yaml")
            .root();
    assertEquals(
        """
        experiment:
          name: person_100
          frame_sample_fractions:
            person: 1.0
            crane hook: 1.0
        training:
          epochs: 100
          lr: 0.01
          model: yolov8n.pt
        run_name: ${experiment.name}_e${training.epochs}
        test_videos:
        - videos/test_01.mp4
        - videos/test_02.mp4
        empty: {}
        none: []
        l:
        - - 1
          - - 2
        - a: 1
          b:
          - 3
          - c: null
        """,
        YamlWriter.toYaml(config));
  }

  @Test
  void wrapsLongTextAtColumn80() {
    assertEquals(
        "k: a fairly long description that goes well past the eighty column limit of "
            + "PyYAML\n  output\n",
        print(
            "a fairly long description that goes well past the eighty "
                + "column limit of PyYAML output"));
  }

  @Test
  void longKeysUseTheExplicitFormAndKeysCanBeSorted() {
    String longKey = "x".repeat(125);
    ConfigMap map =
        ConfigMap.builder(null)
            .put(longKey, v(1L))
            .put("b", ConfigMap.builder(null).put("z", v(1L)).put("a", v(2L)).build())
            .build();
    assertEquals("b:\n  a: 2\n  z: 1\n? " + longKey + "\n: 1\n", YamlWriter.toYaml(map, true));
    assertEquals("? " + longKey + "\n: 1\nb:\n  z: 1\n  a: 2\n", YamlWriter.toYaml(map));
  }

  @Test
  void emptyRootIsBraces() {
    assertEquals("{}\n", YamlWriter.toYaml(ConfigMap.empty(null)));
  }
}
