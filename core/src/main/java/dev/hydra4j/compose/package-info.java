/**
 * Composition: the search path, config repository, defaults lists, merging and struct checks that
 * turn a config name and overrides into one config with its {@code hydra} node.
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.compose;
