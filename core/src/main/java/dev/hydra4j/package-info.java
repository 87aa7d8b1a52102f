/**
 * hydra4j's library API: compose a config tree with overrides inside a JVM program, read typed
 * values, bind them to records, run a sweep's jobs. This package is the whole API of {@code
 * dev.hydra4j:hydra4j-core} (module {@code dev.hydra4j.core}); its other packages are internal.
 *
 * <ul>
 *   <li>{@link dev.hydra4j.Hydra4j}: the entry points ({@code load}, {@code sweep}, {@code main}).
 *   <li>{@link dev.hydra4j.Config}: the typed view ({@code getInt}, {@code getDuration}, {@code
 *       bind}, …).
 *   <li>{@link dev.hydra4j.Sweep}: a sweep's jobs, composed one at a time.
 *   <li>{@link dev.hydra4j.Origin}: where a value was set (file:line, or the override).
 *   <li>{@link dev.hydra4j.Hydra4jException}: the one exception, listing every problem with its
 *       place.
 *   <li>{@link dev.hydra4j.ConfigResolver}: a program's own {@code ${name:…}} resolver.
 *   <li>{@link dev.hydra4j.ConfigSchema}, {@link dev.hydra4j.ByteSize}, {@link
 *       dev.hydra4j.TypesafeConfigs}.
 * </ul>
 *
 * <pre>{@code
 * record Training(int epochs, double lr) {}
 *
 * Config cfg = Hydra4j.load(Path.of("conf"), "config", "training=long");
 * Training training = cfg.bind("training", Training.class);
 * }</pre>
 */
package dev.hydra4j;
