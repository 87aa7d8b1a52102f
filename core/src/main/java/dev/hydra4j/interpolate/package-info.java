/**
 * {@code ${…}} resolution with OmegaConf 2.2's semantics, and the resolvers that come with
 * OmegaConf and Hydra.
 *
 * <p>Entry point: {@link dev.hydra4j.interpolate.Interpolator}, built from a {@link
 * dev.hydra4j.interpolate.Resolvers} registry and an {@link
 * dev.hydra4j.interpolate.InterpolationContext} (environment, the run's instant, Hydra's own
 * config). Custom resolvers implement {@link dev.hydra4j.interpolate.Resolver}. Every failure is an
 * {@link dev.hydra4j.interpolate.InterpolationException} naming the key and origin of the
 * interpolation, with a hint.
 *
 * <p>Where hydra4j deliberately differs from OmegaConf / Hydra:
 *
 * <ul>
 *   <li>A cycle is reported as {@code a -> b -> a} with each step's origin, and a chain of
 *       references deeper than 200 ends in an error instead of exhausting the stack.
 *   <li>{@code ${now:%z}} and {@code %Z} print the offset and zone name; Hydra formats a naive
 *       local time and prints nothing for them. Every {@code now} of one run uses one instant.
 *   <li>A mapping or list inside a string interpolation prints its resolved values Python-style;
 *       OmegaConf prints nested interpolations there unresolved.
 *   <li>{@code ${oc.create:'…'}} decodes a string with the interpolation grammar (flow-style dicts
 *       and lists), not as a YAML document.
 *   <li>A resolver's result is never cached between calls, except that each node is resolved once
 *       per resolution however often it is referenced.
 * </ul>
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.interpolate;
