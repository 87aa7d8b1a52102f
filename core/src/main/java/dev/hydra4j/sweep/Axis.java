package dev.hydra4j.sweep;

import java.util.List;

/**
 * One dimension of the grid: the swept overrides that advance together (one, or several zipped ones
 * of equal length), by their position in the override list.
 */
record Axis(List<Integer> positions, int length) {}
