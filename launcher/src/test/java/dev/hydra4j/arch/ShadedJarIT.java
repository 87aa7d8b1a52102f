package dev.hydra4j.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar users run links: every class of hydra4j's own that refers to another class finds it in
 * the jar or the JDK. Tests run on the unshaded classes, so a reference the shading left pointing
 * at a package it moved (a launcher class reading YAML through the original snakeyaml name) passes
 * every other test and fails only for users, at run time.
 */
class ShadedJarIT {

  private static final Path JAR = Path.of("target", "hydra4j.jar");

  @Test
  void everyClassOfHydra4jFindsWhatItRefersTo() throws IOException, InterruptedException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase, before this test");
    Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
    Path report = Files.createTempFile("jdeps", ".txt");
    try {
      Process process =
          new ProcessBuilder(
                  jdeps.toString(), "--multi-release", "17", "-verbose:class", JAR.toString())
              .redirectErrorStream(true)
              .redirectOutput(report.toFile())
              .start();
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "jdeps did not finish");
      List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), () -> "jdeps failed: " + lines);
      assertTrue(
          lines.stream().anyMatch(line -> line.strip().startsWith("dev.hydra4j.cli.Main ")),
          "jdeps did not list the entry point's dependencies, so the check saw nothing");
      List<String> missing =
          lines.stream()
              .map(String::strip)
              // a class of a multi-release jar's versioned part is listed as "9/dev.hydra4j…"
              .map(line -> line.replaceFirst("^\\d+/", ""))
              .filter(line -> line.startsWith("dev.hydra4j.") && line.endsWith("not found"))
              .filter(line -> !line.startsWith("dev.hydra4j.shaded."))
              .toList();
      assertEquals(List.of(), missing, "classes of hydra4j refer to classes missing from the jar");
    } finally {
      Files.deleteIfExists(report);
    }
  }
}
