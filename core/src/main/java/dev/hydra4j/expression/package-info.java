/**
 * Restricted expressions: the one language of hydra4j's filters (a sweep's {@code --filter} and
 * {@code collect --filter}), which reads values and compares them and can do nothing else.
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.expression;
