package dev.hydra4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.interpolate.Resolvers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program's own resolver, registered as a service (src/test/resources/META-INF/services) and
 * found by {@code Hydra4j.load} and {@code Hydra4j.sweep}.
 */
class ConfigResolverTest {

  /** {@code ${test.twice:x}}: a number doubled, a list or map repeated, the key it sits at. */
  public static final class Twice implements ConfigResolver {
    @Override
    public String name() {
      return "test.twice";
    }

    @Override
    public Object resolve(List<Object> args, Call call) {
      if (args.size() != 1) {
        throw call.failure(
            "test.twice takes one value, got " + args.size(), "write ${test.twice:x}");
      }
      Object a = args.get(0);
      if (a instanceof Long n) {
        return 2 * n;
      }
      if (a instanceof Map<?, ?> m) {
        return m.size() + " keys at " + call.key() + ", sibling n=" + call.value(".n").orElse(null);
      }
      return List.of(a, a);
    }
  }

  @TempDir Path conf;

  private Config load(String yaml, String... overrides) throws IOException {
    Files.writeString(conf.resolve("app.yaml"), yaml);
    return Hydra4j.load(conf, "app", overrides);
  }

  @Test
  void aRegisteredResolverIsCalledWithTypedArguments() throws IOException {
    Config cfg = load("n: 21\ntwice: ${test.twice:${n}}\nword: ${test.twice:ab}\n");
    assertEquals(42, cfg.getInt("twice"));
    assertEquals(List.of("ab", "ab"), cfg.getList("word"));
  }

  @Test
  void aMappingArrivesAsAPlainMapAndTheCallSeesTheConfig() throws IOException {
    Config cfg = load("m: {a: 1, b: 2}\nsub:\n  n: 5\n  v: ${test.twice:${m}}\n");
    assertEquals("2 keys at sub.v, sibling n=5", cfg.getString("sub.v"));
  }

  @Test
  void anOverrideMayCallItAndEachSweepJobDoes() throws IOException {
    assertEquals(14, load("x: 1\ny: 1\nz: ${test.twice:${y}}\n", "x=${test.twice:7}").getInt("x"));
    assertEquals(
        List.of(2L, 4L),
        Hydra4j.sweep(conf, "app", "y=1,2").stream().map(j -> j.config().getLong("z")).toList());
  }

  @Test
  void itsFailureIsAnErrorAtTheInterpolationsPlace() throws IOException {
    Hydra4jException e =
        assertThrows(Hydra4jException.class, () -> load("a: 1\nbad: ${test.twice:1,2}\n"));
    assertTrue(e.getMessage().contains("test.twice takes one value, got 2"), e.getMessage());
    assertEquals(2, e.problems().get(0).origin().line(), e.getMessage());
    assertTrue(e.getMessage().contains("write ${test.twice:x}"), e.getMessage());
  }

  @Test
  void aBuiltInNameIsNotTaken() {
    ConfigResolver now =
        new ConfigResolver() {
          @Override
          public String name() {
            return "now";
          }

          @Override
          public Object resolve(List<Object> args, Call call) {
            return "never";
          }
        };
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassPathResolvers.with(Resolvers.builtIn(), now));
    assertTrue(e.getMessage().contains("a built-in resolver's name"), e.getMessage());
  }
}
