/**
 * The config tree: immutable nodes that remember their origin (file:line, or the override that set
 * them), merging, paths, and YAML/HOCON/JSON reading and writing.
 *
 * <p>Internal to hydra4j, not API: it may change in any release. Programs use {@code dev.hydra4j}.
 */
package dev.hydra4j.config;
