package dev.hydra4j;

import java.util.List;
import java.util.Optional;

/**
 * A resolver of a program's own: configs and overrides call it as {@code ${name:arg1,arg2}}, like
 * the built-in {@code ${oc.env:HOME}} or {@code ${now:%Y-%m-%d}}.
 *
 * <p>Register it as a Java service: a public class with a public no-argument constructor, named in
 * the file {@code META-INF/services/dev.hydra4j.ConfigResolver} of the program's jar (or a {@code
 * provides dev.hydra4j.ConfigResolver with …} clause). {@link Hydra4j#load}, {@link Hydra4j#sweep}
 * and {@link Hydra4j#compose} find every registered resolver on the class path.
 *
 * <pre>{@code
 * public final class SecretResolver implements ConfigResolver {
 *   public String name() { return "app.secret"; }            // ${app.secret:db_password}
 *
 *   public Object resolve(List<Object> args, Call call) {
 *     if (args.size() != 1) {
 *       throw call.failure("app.secret takes one name, got " + args.size(),
 *           "write ${app.secret:NAME}");
 *     }
 *     return Vault.read(String.valueOf(args.get(0)));
 *   }
 * }
 * }</pre>
 *
 * A failure thrown this way reaches the program as a {@link Hydra4jException} at the place of the
 * interpolation (file:line, or the override).
 */
public interface ConfigResolver {

  /**
   * The name configs call it by: letters, digits, {@code _} and {@code -}, in dot-separated parts
   * ({@code double}, {@code app.secret}). A built-in name ({@code oc.env}, {@code now}, {@code
   * hydra}, …) is refused.
   */
  String name();

  /**
   * The value of one call. Arguments arrive evaluated and typed as the interpolation grammar types
   * them: {@code null}, {@link String}, {@link Long}, {@link Double}, {@link Boolean}, and {@link
   * List} or {@link java.util.Map} for an inline {@code [..]}/{@code {..}} or a {@code ${key}} that
   * points at a list or mapping. The result may be any of those; a string is taken literally, never
   * parsed again for {@code ${…}}.
   */
  Object resolve(List<Object> args, Call call);

  /** What a resolver may see of the config while it is called. */
  interface Call {

    /** The dotted key of the value holding the interpolation. */
    String key();

    /** Where the interpolation was written. */
    Origin origin();

    /**
     * Another value of the config, resolved ({@code a.b}, {@code list[0]}, or {@code .x} relative
     * to the value holding the interpolation); empty when the key does not exist.
     */
    Optional<Object> value(String key);

    /** An environment variable, or {@code null} when it is not set. */
    String env(String name);

    /** An error to throw for a problem the config's author can fix, reported at {@link #origin}. */
    RuntimeException failure(String message, String hint);
  }
}
