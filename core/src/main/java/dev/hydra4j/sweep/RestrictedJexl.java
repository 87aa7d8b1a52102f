package dev.hydra4j.sweep;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * The one expression engine of hydra4j's filters ({@code --filter} of a sweep and of {@code
 * collect}): JEXL that can read values and compare them, and nothing else — no assignments, loops,
 * lambdas, object creation, method calls or Java classes.
 */
public final class RestrictedJexl {

  /** Shared, thread-safe. */
  public static final JexlEngine ENGINE =
      new JexlBuilder()
          .features(
              new JexlFeatures()
                  .sideEffect(false)
                  .sideEffectGlobal(false)
                  .newInstance(false)
                  .loops(false)
                  .lambda(false)
                  .script(false)
                  .pragma(false)
                  .annotation(false)
                  .importPragma(false)
                  .namespacePragma(false)
                  .methodCall(false)
                  .structuredLiteral(true))
          .permissions(JexlPermissions.RESTRICTED)
          .strict(true)
          .safe(false)
          .silent(false)
          .create();

  private RestrictedJexl() {}
}
