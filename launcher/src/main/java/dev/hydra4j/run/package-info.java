/**
 * The state of runs and jobs on disk — the source of truth, readable after any crash. Nothing here
 * starts processes (except {@code git}, to record the code's version).
 *
 * <p>Layout of a sweep ({@code hydra.sweep.dir}):
 *
 * <pre>
 * multirun/2025-01-31/12-00-00/     {@link dev.hydra4j.run.RunDirectory}: never shared by two sweeps
 *   run.json                        {@link dev.hydra4j.run.RunRecord}: command, user, host, git
 *   summary.json, launcher.log      written by the launcher (dev.hydra4j.launch)
 *   jobs.journal                    {@link dev.hydra4j.run.SweepJournal}: a local launcher's
 *                                   record of every job's start and end, the truth for them
 *   0/                              a job directory ({@link dev.hydra4j.run.SafePaths} keeps it inside)
 *     .hydra/                       the job's composed config, written by the CLI
 *     status.json                   {@link dev.hydra4j.run.StatusFile}: absent means PENDING;
 *                                   a copy of the journal for a local job
 *     stdout.log stderr.log combined.log     {@link dev.hydra4j.run.JobLogs}
 * </pre>
 *
 * <p>Every state file is replaced atomically ({@link dev.hydra4j.run.AtomicFiles}), so a reader
 * never sees half a file; a journal record torn by a crash fails its checksum. {@link
 * dev.hydra4j.run.SweepState} reads a sweep back for {@code status}, {@code collect} and {@code
 * resume}; {@link dev.hydra4j.run.SweepState#effective} is a job's state as every reader shows it,
 * and {@link dev.hydra4j.run.StatusRepair} brings status files back in line after a crash.
 */
package dev.hydra4j.run;
