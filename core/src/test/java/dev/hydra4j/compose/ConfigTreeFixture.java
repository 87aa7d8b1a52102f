package dev.hydra4j.compose;

import dev.hydra4j.override.OverrideParser;
import dev.hydra4j.override.ParsedOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A config tree written into a temporary directory, composed with overrides. */
final class ConfigTreeFixture {

  private final Path root;

  ConfigTreeFixture(Path root) {
    this.root = root;
  }

  ConfigTreeFixture file(String path, String... lines) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Composer composer() {
    return Composer.forDirectory(root);
  }

  Composition compose(String... overrides) {
    return composer().compose("config", parse(overrides));
  }

  static List<ParsedOverride> parse(String... overrides) {
    return Arrays.stream(overrides).map(OverrideParser::parse).toList();
  }
}
