package dev.hydra4j.launch.registry;

import dev.hydra4j.launch.Launcher;
import dev.hydra4j.launch.LauncherKind;
import dev.hydra4j.launch.local.LocalKind;
import dev.hydra4j.launch.slurm.SlurmKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every launcher kind hydra4j has, by the name {@code hydra.launcher.name} selects. The one place
 * that names concrete launchers: a new engine is a new package and one entry here.
 */
public final class Launchers {

  private static final List<LauncherKind> KINDS = List.of(new LocalKind(), new SlurmKind());

  private Launchers() {}

  /** The kind called {@code name}, or empty. */
  public static Optional<LauncherKind> named(String name) {
    return KINDS.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The names of all kinds, for an error's suggestion. */
  public static List<String> names() {
    return KINDS.stream().map(LauncherKind::name).toList();
  }

  /**
   * The kind that launched {@code sweepDir}: the one its plan names, unless another left its traces
   * there (a sweep resumed under another launcher).
   */
  public static LauncherKind ofSweep(String plannedName, Path sweepDir) {
    for (LauncherKind kind : KINDS) {
      if (!kind.name().equals(plannedName) && kind.launched(sweepDir)) {
        return kind;
      }
    }
    return named(plannedName).orElse(KINDS.get(0));
  }

  /** A launcher of one job on this machine, whatever a sweep's launcher: a single run, run-job. */
  public static Launcher oneJobHere() {
    return LocalKind.oneJob();
  }
}
