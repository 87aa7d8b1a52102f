/**
 * The override grammar ({@code key=value}, {@code +key}, {@code ~key}, sweeps, {@code range()},
 * {@code glob()}, …), parsed by hand with the column of every error.
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.override;
