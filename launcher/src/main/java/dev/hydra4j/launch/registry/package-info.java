/**
 * The registry of launcher kinds ({@link dev.hydra4j.launch.registry.Launchers}): planning, status
 * and kill find a launcher here by {@code hydra.launcher.name} and never name a concrete one.
 */
package dev.hydra4j.launch.registry;
