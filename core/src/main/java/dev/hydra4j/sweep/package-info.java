/**
 * Sweeps: the lazy product of the overrides' values (with zip, filter and sample), enumerated job
 * by job so that a sweep of any size plans in bounded memory.
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.sweep;
