package dev.hydra4j.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of one config file, read with two guards: a size limit ({@link #MAX_BYTES}), so a huge
 * or endless file (a device, a log written by mistake) fails at once instead of filling memory, and
 * strict UTF-8, whose failure names the line and the byte that is wrong.
 */
public final class ConfigText {

  /** The largest config file read: config trees are made of small files. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private ConfigText() {}

  /** Reads {@code file}; every problem is a {@link ConfigException} at {@code displayPath}. */
  public static String read(Path file, String displayPath) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "Config file " + displayPath + " does not exist",
          Origin.ofFile(displayPath, 0, 0),
          null,
          e);
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot read config file " + displayPath + ": " + e.getMessage(),
          Origin.ofFile(displayPath, 0, 0),
          "check that it is a readable file",
          e);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(displayPath);
    }
    return decode(bytes, displayPath);
  }

  static ConfigException tooLarge(String displayPath) {
    return new ConfigException(
        "Config file " + displayPath + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB",
        Origin.ofFile(displayPath, 0, 0),
        "a config file holds settings, not data: keep large data in its own file and put its"
            + " path in the config");
  }

  /**
   * Refuses text that no UTF-8 file can hold: a lone UTF-16 surrogate (only text built in a program
   * has one), which the YAML parser cannot read.
   */
  static void requireWellFormed(String text, String displayPath) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        Origin at = originAt(text, i, displayPath);
        throw new ConfigException(
            String.format(
                "Config text %s holds a lone UTF-16 surrogate" + " (U+%04X) at line %d, column %d",
                displayPath, (int) c, at.line(), at.column()),
            at,
            "build config text from valid Unicode characters");
      }
    }
  }

  /** The line and column (1-based, in UTF-16 units) of {@code text}'s {@code index}-th char. */
  static Origin originAt(String text, int index, String displayPath) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return Origin.ofFile(displayPath, line, index - lineStart + 1);
  }

  /** Decodes strict UTF-8; an invalid sequence is reported with its line, column and byte. */
  static String decode(byte[] bytes, String displayPath) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column =
          new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new ConfigException(
          String.format(
              "Config file %s is not valid UTF-8: byte 0x%02X"
                  + " at line %d, column %d (byte offset %d) starts no valid character",
              displayPath, bytes[at] & 0xFF, line, column, at),
          Origin.ofFile(displayPath, line, column),
          "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
          new CharacterCodingException());
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }
}
