package dev.hydra4j.compose;

/** Hydra's package arithmetic: where a config's content lands in the output config. */
final class Packages {

  static final String GLOBAL = "_global_";
  static final String HERE = "_here_";

  private Packages() {}

  static String join(String parent, String child) {
    if (child == null || child.isEmpty()) {
      return parent;
    }
    return parent.isEmpty() ? child : parent + "." + child;
  }

  /**
   * The package of a config chosen by a defaults entry. An {@code @package} in the defaults list is
   * relative to the including config; a {@code # @package} header is absolute; otherwise the group
   * as written is appended to the including package (so {@code /db} inside {@code server/apache}
   * lands at {@code server.db}, as Hydra does: golden case
   * compose-absolute-group-in-nested-defaults).
   */
  static String of(String parentPackage, String explicit, String header, String writtenGroup) {
    if (explicit != null) {
      return relative(parentPackage, explicit);
    }
    if (header != null) {
      return absolute(header);
    }
    return join(parentPackage, writtenGroup.replace('/', '.'));
  }

  static String relative(String parentPackage, String pkg) {
    if (pkg.equals(HERE)) {
      return parentPackage;
    }
    if (pkg.startsWith(HERE + ".")) {
      return join(parentPackage, pkg.substring(HERE.length() + 1));
    }
    return absolute(join(parentPackage, pkg));
  }

  /**
   * A package with Hydra's {@code _global_} rule applied: whatever follows the last {@code
   * _global_} in it (and the one character after) is the package from the root. The rule finds
   * {@code _global_} inside {@code __global__} too, which is why real trees' {@code # @package
   * __global__} lands at the root (golden rw-package-double-underscore-global).
   */
  static String absolute(String pkg) {
    int last = pkg.lastIndexOf(GLOBAL);
    if (last < 0) {
      return pkg;
    }
    int from = last + GLOBAL.length() + 1;
    return from >= pkg.length() ? "" : pkg.substring(from);
  }

  /**
   * The key under which a group's choice is recorded and overridden: the group, with
   * {@code @package} when the config lands elsewhere ({@code db@_global_} at the root).
   */
  static String choiceKey(String group, String pkg) {
    if (pkg.equals(group.replace('/', '.'))) {
      return group;
    }
    return group + "@" + (pkg.isEmpty() ? GLOBAL : pkg);
  }

  /** The directory part of a config path: {@code server} for {@code server/apache}. */
  static String directoryOf(String configPath) {
    int slash = configPath.lastIndexOf('/');
    return slash < 0 ? "" : configPath.substring(0, slash);
  }

  /** A group or config path written in a defaults list, made absolute. */
  static String absolutePath(String containingDir, String written) {
    if (written.startsWith("/")) {
      return written.substring(1);
    }
    return containingDir.isEmpty() ? written : containingDir + "/" + written;
  }
}
