package dev.hydra4j.run;

import dev.hydra4j.config.ConfigException;
import dev.hydra4j.config.Origin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Turning names built from config values (a job subdir such as {@code
 * ${hydra.job.override_dirname}}) into paths that cannot leave their root.
 *
 * <p>Hydra joins the subdir to the sweep dir as is, so {@code a=../../x} writes outside the sweep
 * and {@code b=/etc} (at the start of the subdir) writes to {@code /etc}. We keep Hydra's one
 * intended effect — a {@code /} inside a value nests directories, as Hydra users expect from {@code
 * model=resnet/50} — and refuse the rest with an error before anything is written, rather than
 * silently renaming the directory a user will look for:
 *
 * <ul>
 *   <li>{@code /} separates directories; empty and {@code .} segments are dropped, so a leading
 *       {@code /} does not make the path absolute;
 *   <li>a {@code ..} segment is an error;
 *   <li>a NUL character, and a segment over 255 bytes (the usual file name limit, which a long
 *       {@code override_dirname} reaches easily), are errors;
 *   <li>a backslash is an ordinary character, as on any POSIX file system.
 * </ul>
 */
public final class SafePaths {

  private static final int MAX_SEGMENT_BYTES = 255;

  private SafePaths() {}

  /**
   * {@code root/relative}, guaranteed to be {@code root} or below it.
   *
   * @throws ConfigException when {@code relative} would escape or cannot be a path
   */
  public static Path resolveInside(Path root, String relative) {
    return resolveInside(root, relative, "hydra.sweep.subdir");
  }

  /**
   * Like {@link #resolveInside(Path, String)}, naming {@code setting} (where {@code relative} came
   * from) in the error.
   */
  public static Path resolveInside(Path root, String relative, String setting) {
    Path base = root.toAbsolutePath().normalize();
    Path result = base;
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw unsafe(setting, relative, "a '..' segment would leave " + base);
      }
      if (segment.indexOf('\0') >= 0) {
        throw unsafe(setting, relative, "it contains a NUL character");
      }
      if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
        throw unsafe(
            setting,
            relative,
            "the name '"
                + abbreviate(segment)
                + "' is longer than "
                + MAX_SEGMENT_BYTES
                + " bytes");
      }
      result = result.resolve(segment);
    }
    // Belt and braces: whatever the rules above miss must still not leave the root.
    if (!result.normalize().startsWith(base)) {
      throw unsafe(setting, relative, "it resolves outside " + base);
    }
    return result;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private static ConfigException unsafe(String setting, String relative, String why) {
    return new ConfigException(
        "directory name '" + relative + "' from " + setting + " is not safe: " + why,
        Origin.of(setting),
        "leave the offending value out of the name (for override_dirname: "
            + "hydra.job.config.override_dirname.exclude_keys=[<key>]), or use a plain one "
            + "such as '"
            + setting
            + "=${hydra.job.num}'");
  }
}
