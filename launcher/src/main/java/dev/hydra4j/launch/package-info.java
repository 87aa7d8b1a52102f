/**
 * Running a sweep's jobs: the {@link dev.hydra4j.launch.Launcher} API shared by the local and SLURM
 * launchers, and what every launcher writes into the sweep directory ({@link
 * dev.hydra4j.launch.SweepSummary summary.json}, {@link dev.hydra4j.launch.LauncherLog
 * launcher.log}).
 *
 * <p>Typical use by the CLI:
 *
 * <pre>{@code
 * LaunchOptions options = LaunchOptions.defaults(sweepDir)
 *     .withFailurePolicy(FailurePolicy.keepGoing())
 *     .withProgress(ProgressReporter.auto(System.err));
 * SweepResult result;
 * try (SigintHandler sigint = SigintHandler.install(options.stop())) {
 *   result = new LocalLauncher(nJobs).launch(jobs, options);
 * }
 * return result.exitCode(); // 0, 1, 3 when the sweep's files could not be written, 130
 * }</pre>
 *
 * <p>To resume: {@code SweepState state = SweepState.read(sweepDir, jobDirs)}, launch only {@code
 * state.notCompleted(total)}, with {@code options.withPrevious(state)} so that the summary covers
 * the whole sweep and attempts keep counting.
 */
package dev.hydra4j.launch;
