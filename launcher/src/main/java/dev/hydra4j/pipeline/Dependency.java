package dev.hydra4j.pipeline;

import dev.hydra4j.config.Origin;

/**
 * One entry of a stage's {@code depends_on}.
 *
 * @param stage the upstream stage's name
 * @param each {@code each}: job {@code i} runs after upstream job {@code i} (same job numbers);
 *     otherwise ({@code all}) every job runs after all of the upstream stage
 * @param origin where it was written
 */
public record Dependency(String stage, boolean each, Origin origin) {}
