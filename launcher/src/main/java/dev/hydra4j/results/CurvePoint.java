package dev.hydra4j.results;

/**
 * One value of a metric over time.
 *
 * @param step the training step the job logged, or {@code null}
 * @param time the seconds the job logged (wall clock or since its start), or {@code null}
 * @param value the metric's value there
 */
record CurvePoint(Double step, Double time, double value) {}
