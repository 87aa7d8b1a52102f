package dev.hydra4j.config;

import java.io.Reader;

/**
 * A text read in pieces that never end between the two halves of a character outside the Basic
 * Multilingual Plane (an emoji, say). snakeyaml-engine (2.9 to 3.0 at least) reads its input 1,024
 * chars at a time, and when a piece ends on the first half of such a character it reads one char
 * more past the end of its buffer: an IndexOutOfBoundsException instead of the file's content.
 */
final class WholeCharacters extends Reader {

  private final String text;
  private int position;

  WholeCharacters(String text) {
    this.text = text;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (position >= text.length()) {
      return -1;
    }
    int n = Math.min(length, text.length() - position);
    if (n > 1 && Character.isHighSurrogate(text.charAt(position + n - 1))) {
      n--;
    }
    text.getChars(position, position + n, buffer, offset);
    position += n;
    return n;
  }

  @Override
  public void close() {
    // nothing to release: the text stays with its owner
  }
}
