/**
 * JSON Schemas of config trees (draft 2020-12), and a validator of YAML/JSON configs against a
 * schema. Internal: programs use {@link dev.hydra4j.ConfigSchema}; the {@code hydra4j schema}
 * command uses this package directly.
 *
 * <p>The validator checks the keywords hydra4j writes and the common structural ones ({@code type},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code
 * prefixItems}, {@code enum}, {@code const}, bounds, lengths, {@code pattern}, {@code anyOf}/{@code
 * oneOf}/{@code allOf}/{@code not}, local {@code $ref}); other keywords are reported as unchecked,
 * never silently passed.
 */
package dev.hydra4j.schema;
