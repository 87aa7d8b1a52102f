package dev.hydra4j.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a file a harvest rule reads. A log can grow to gigabytes; only its last {@value
 * #MAX_BYTES} bytes are read, where a final score is. Bytes that are not UTF-8 (progress bars,
 * binary noise) become U+FFFD instead of failing the read.
 */
final class LogText {

  static final int MAX_BYTES = 64 * 1024 * 1024;

  private LogText() {}

  static String read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    return dev.hydra4j.launch.LogTail.lastText(file, MAX_BYTES);
  }
}
