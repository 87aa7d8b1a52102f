package dev.hydra4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hydra4j.config.ConfigException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {

  private final Path root = Path.of("/tmp/sweep");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=../../x,b=/etc",
        "..",
        "../x",
        "a/../../b",
        "x/..",
        "a=1/../..",
        "./..",
        "//..//"
      })
  void rejectsEscapes(String name) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SafePaths.resolveInside(root, name));
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.hint().contains("exclude_keys"), e.hint());
  }

  @Test
  void keepsHydraNesting() {
    assertEquals(
        root.resolve("model=resnet/50,lr=0.1"),
        SafePaths.resolveInside(root, "model=resnet/50,lr=0.1"));
    assertEquals(root.resolve("b=/etc"), SafePaths.resolveInside(root, "b=/etc"));
    assertEquals(root.resolve("etc/passwd"), SafePaths.resolveInside(root, "/etc/passwd"));
    assertEquals(root.resolve("a/b"), SafePaths.resolveInside(root, "./a//b/."));
    assertEquals(
        root.resolve("..a/b..").toString(), SafePaths.resolveInside(root, "..a/b..").toString());
    assertEquals(root, SafePaths.resolveInside(root, ""));
    assertEquals(root.resolve("3"), SafePaths.resolveInside(root, "3"));
  }

  @Test
  void rejectsNulAndOverlongNames() {
    assertThrows(ConfigException.class, () -> SafePaths.resolveInside(root, "a\0b"));
    assertThrows(ConfigException.class, () -> SafePaths.resolveInside(root, "x".repeat(256)));
    SafePaths.resolveInside(root, "x".repeat(255));
    // 255 bytes is the limit, not 255 characters
    assertThrows(ConfigException.class, () -> SafePaths.resolveInside(root, "é".repeat(128)));
  }

  @Test
  void randomNamesNeverLeaveTheRoot() {
    long seed = Long.getLong("hydra4j.test.seed", System.nanoTime());
    System.out.println(
        "SafePathsTest seed " + seed + " (replay: -Dhydra4j.test.seed=" + seed + ")");
    Random random = new Random(seed);
    String[] pieces = {"/", ".", "..", "a", "=", ",", "~", "\\", " ", "$HOME", "%2e"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        name.append(pieces[random.nextInt(pieces.length)]);
      }
      try {
        Path p = SafePaths.resolveInside(root, name.toString());
        assertTrue(p.normalize().startsWith(root), name + " -> " + p);
      } catch (ConfigException expected) {
        assertTrue(("/" + name + "/").contains("/../"), "rejected without '..': " + name);
      }
    }
  }
}
