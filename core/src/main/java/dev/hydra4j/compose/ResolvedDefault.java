package dev.hydra4j.compose;

import dev.hydra4j.config.ConfigMap;

/**
 * One config of the final defaults list, in merge order.
 *
 * @param configPath the config's path on the search path ({@code db/mysql})
 * @param packageName where its content lands ({@code ""} is the root)
 * @param parent the config whose defaults list chose it, or {@code <root>}
 * @param isSelf whether this is the content of a config that has its own defaults list (merged at
 *     its {@code _self_} position)
 * @param primary whether this is the primary config
 * @param content the config's own content, without its {@code defaults} key
 */
public record ResolvedDefault(
    String configPath,
    String packageName,
    String parent,
    boolean isSelf,
    boolean primary,
    ConfigMap content) {}
