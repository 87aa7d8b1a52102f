package dev.hydra4j.override;

/**
 * One value a sweep hands to one job.
 *
 * @param value the typed value, as {@link Element#value()} describes
 * @param text what Hydra writes after {@code key=} in the job's override: the line in {@code
 *     .hydra/overrides.yaml} and the part of the job's directory name, e.g. {@code 0.01}, {@code
 *     [1,2]}, {@code 'x'} or {@code a\ b}
 */
public record SweepItem(Object value, String text) {}
