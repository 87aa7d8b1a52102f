package dev.hydra4j.config;

/**
 * One config file as read from disk: its top-level mapping (every node carrying its
 * file:line:column) and the package named by its {@code # @package} header.
 *
 * @param root the file's content; an empty file is an empty mapping
 * @param packageHeader the header's package ({@code _global_}, {@code _group_}, {@code foo.bar}),
 *     or {@code null} when the file has none
 */
public record ConfigFile(ConfigMap root, String packageHeader) {

  public ConfigFile {
    if (root == null) {
      throw new IllegalArgumentException("root must not be null");
    }
  }
}
