package dev.hydra4j;

/**
 * A size in bytes, written in a config as {@code 512M}, {@code 2GiB}, {@code 10kB} or a bare number
 * of bytes ({@code K M G T P E} and their {@code i}/{@code iB} forms count in 1024s, {@code kB MB
 * GB …} in 1000s, as in Typesafe Config). Use it as a record component type to bind such a value,
 * or read one with {@link Config#getBytes(String)}.
 *
 * <pre>{@code
 * record Loader(ByteSize buffer, int workers) {}
 * // loader: {buffer: 512M, workers: 4}
 * long bytes = cfg.bind("loader", Loader.class).buffer().bytes();   // 536870912
 * }</pre>
 *
 * @param bytes the size, never negative
 */
public record ByteSize(long bytes) {

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
  }

  /**
   * The size {@code text} names.
   *
   * @throws IllegalArgumentException when {@code text} is no size
   */
  public static ByteSize parse(String text) {
    Long bytes = Units.bytes(text);
    if (bytes == null) {
      throw new IllegalArgumentException("not a size: '" + text + "' (write e.g. 512M or 2GiB)");
    }
    return new ByteSize(bytes);
  }
}
