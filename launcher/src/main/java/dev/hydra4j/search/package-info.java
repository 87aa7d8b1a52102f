/**
 * Adaptive search ({@code hydra/sweeper=optuna}): the search space from Hydra's sweep grammar, the
 * samplers (TPE, random, grid), the pruners, and the study kept on disk in the sweep directory. A
 * study's trials are ordinary jobs: {@link dev.hydra4j.search.AdaptiveStudy} hands them to a
 * launcher as a {@link dev.hydra4j.launch.JobSource} that suggests each trial when a slot frees up,
 * and reads the trials' metrics back from their job directories.
 */
package dev.hydra4j.search;
