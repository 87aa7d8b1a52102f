/**
 * Settings schemas: a launcher or sweeper declares its settings (key, kind, range, default) once,
 * as a {@link dev.hydra4j.settings.SettingsSchema}, and one checker reads a config node against it
 * before anything is written. Every refusal names the value's file:line or override, the allowed
 * range and an example.
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.settings;
