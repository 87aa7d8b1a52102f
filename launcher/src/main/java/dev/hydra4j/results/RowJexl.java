package dev.hydra4j.results;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * The expression engine of {@code collect --filter}: the same restrictions as a sweep's filter
 * ({@code dev.hydra4j.sweep.RestrictedJexl}), built here from the launcher's own JEXL, because
 * hydra4j-core's copy is relocated inside its jar and its types are not this package's.
 */
final class RowJexl {

  /** Shared, thread-safe. */
  static final JexlEngine ENGINE =
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

  private RowJexl() {}
}
