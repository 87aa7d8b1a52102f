/**
 * The plug point through which {@code Hydra4j.main} and {@code Hydra4j.cli} reach the launcher
 * ({@code dev.hydra4j:hydra4j}), found as a {@link java.util.ServiceLoader} service.
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.program;
